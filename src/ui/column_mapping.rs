//! The mapping step: for a table of no known format (any CSV, a spreadsheet's sheet), the
//! guessed column of each field with a preview of the first rows, for the reader to confirm or
//! change before anything is imported. Dates like 03/04/2019 wait for the reader's choice of
//! order unless the rows prove it. The guess, the date evidence and what is missing come from
//! the core (`core::import::table_mapping`); this only shows them.

use leptos::prelude::*;

use crate::core::i18n::{Arg, Lang, Said};
use crate::core::import::mapped::{column_letters, TablePreview, PREVIEW_ROWS};
use crate::core::import::table_mapping::{DateOrder, Field, HandChoices, Mapping};
use crate::ui::i18n;

/// A field's name in `tr`.
fn field_label(tr: Lang, field: Field) -> String {
    tr.label("map-field", field.id())
}

/// A date order's name in `tr`, with what it makes of `03/04/2019`.
fn order_label(tr: Lang, order: DateOrder) -> String {
    tr.text(match order {
        DateOrder::YearMonthDay => "date-order-ymd",
        DateOrder::DayMonthYear => "date-order-dmy",
        DateOrder::MonthDayYear => "date-order-mdy",
    })
}

/// The step for `preview` of the file `name`. `on_import` gets the confirmed mapping,
/// `on_sheet` a sheet the reader picked, `on_header` the index of the row picked as the header,
/// `on_cancel` a Cancel. `sheet_problem` is a sentence about the sheet or header row last
/// picked, shown above the preview. `hand` holds the columns chosen by hand, kept when the step
/// is drawn again for another sheet or header row (`HandChoices::apply`).
#[component]
pub fn ColumnMapping(
    name: String,
    preview: TablePreview,
    sheet_problem: Signal<Option<Said>>,
    hand: RwSignal<HandChoices>,
    on_import: Callback<Mapping>,
    on_sheet: Callback<String>,
    on_header: Callback<usize>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let tr = i18n::lang();
    let first_mapping =
        hand.with_untracked(|hand| hand.apply(&preview.header, &preview.sample, &preview.guess));
    let mapping = RwSignal::new(first_mapping);
    let preview = StoredValue::new(preview);
    let width = preview.with_value(|p| p.header.len());
    let evidence = Memo::new(move |_| mapping.with(|m| preview.with_value(|p| p.date_evidence(m))));
    let missing = Memo::new(move |_| {
        let needs_order = evidence.get().needs_order;
        mapping.with(|m| m.missing(needs_order, width))
    });

    let choose_column = move |field: Field, value: String| {
        let column = value.parse::<usize>().ok();
        let name = column.and_then(|c| preview.with_value(|p| p.header.get(c).cloned()));
        hand.update(|hand| hand.choose(field, name.as_deref()));
        mapping.update(|m| {
            match value.parse::<usize>() {
                Ok(column) => {
                    m.columns.insert(field, column);
                }
                Err(_) => {
                    m.columns.remove(&field);
                }
            }
            // An order the rows now prove is taken; a choice already made is kept.
            if m.date_order.is_none() {
                m.date_order = preview.with_value(|p| p.date_evidence(m)).proven;
            }
        });
    };

    let header_options = move || {
        preview.with_value(|p| {
            p.header
                .iter()
                .enumerate()
                .map(|(index, name)| {
                    let text = format!("{} · {name}", column_letters(index));
                    // The column's name is the file's: it keeps its own direction.
                    view! { <option value=index.to_string() dir="auto">{text}</option> }
                })
                .collect_view()
        })
    };
    let field_rows = Field::ALL
        .into_iter()
        .map(|field| {
            let id = format!("map-{}", field.id());
            let value =
                move || mapping.with(|m| m.column(field).map_or(String::new(), |c| c.to_string()));
            view! {
                <div class="mapping-field">
                    <label for=id.clone()>{field_label(tr, field)}</label>
                    <select id=id.clone() data-testid=id prop:value=value
                        on:change=move |event| choose_column(field, event_target_value(&event))>
                        <option value="">{tr.text("map-not-in-table")}</option>
                        {header_options()}
                    </select>
                </div>
            }
        })
        .collect_view();

    let date_order = move || {
        let evidence = evidence.get();
        evidence.needs_order.then(|| {
            let proven = evidence.example.and_then(|(row, column)| {
                preview.with_value(|p| {
                    let value = p.sample.get(row)?.get(column)?.clone();
                    Some(tr.format("map-guessed-from", &[("value", Arg::Text(&value))]))
                })
            });
            let choices = DateOrder::YEAR_LAST
                .into_iter()
                .map(|order| {
                    let checked = move || mapping.with(|m| m.date_order == Some(order));
                    view! {
                        <label>
                            <input type="radio" name="date-order" prop:checked=checked
                                on:change=move |_| {
                                    hand.update(|hand| hand.date_order = Some(order));
                                    mapping.update(|m| m.date_order = Some(order));
                                } />
                            {order_label(tr, order)}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="date-order" data-testid="date-order">
                    <legend>{tr.text("map-date-order")}</legend>
                    {choices}
                    {proven.map(|text| view! { <p class="hint">{text}</p> })}
                </fieldset>
            }
        })
    };

    let sheet_choice = preview.with_value(|p| {
        (p.sheets.len() > 1).then(|| {
            let current = p.sheet.clone().unwrap_or_default();
            let options = p
                .sheets
                .iter()
                .map(|sheet| {
                    let selected = *sheet == current;
                    view! { <option value=sheet.clone() selected=selected>{sheet.clone()}</option> }
                })
                .collect_view();
            view! {
                <label class="sheet-choice">{tr.text("map-sheet")}" "
                    <select data-testid="mapping-sheet"
                        on:change=move |event| on_sheet.run(event_target_value(&event))>
                        {options}
                    </select>
                </label>
            }
        })
    });

    // Which row named the columns, and a choice of another among the first rows.
    let header_row = preview.with_value(|p| {
        let row = p.header_row.to_string();
        let taken = tr.format("map-header-row", &[("row", Arg::Text(&row))]);
        let above =
            (p.header_index > 0).then(|| tr.count("map-header-skipped", p.header_index as u64));
        let choice = (p.header_choices.len() > 1).then(|| {
            let current = p.header_index;
            let options = p
                .header_choices
                .iter()
                .map(|choice| {
                    let row = choice.row.to_string();
                    // The row's names isolated in either language (the Arabic catalogue isolates
                    // its arguments already), so that the "…" of a cut row stays at its end and
                    // a name in the other direction starts where it should.
                    let names = format!("\u{2068}{}\u{2069}", choice.text);
                    let text = tr.format(
                        "map-header-option",
                        &[("row", Arg::Text(&row)), ("text", Arg::Text(&names))],
                    );
                    view! {
                        <option value=choice.index.to_string() selected=choice.index == current
                            dir="auto">{text}</option>
                    }
                })
                .collect_view();
            view! {
                <label class="header-choice">{tr.text("map-header-choice")}" "
                    <select data-testid="mapping-header"
                        on:change=move |event| {
                            if let Ok(index) = event_target_value(&event).parse::<usize>() {
                                on_header.run(index);
                            }
                        }>
                        {options}
                    </select>
                </label>
            }
        });
        view! {
            <p class="hint" data-testid="mapping-header-row">
                {taken}{above.map(|text| format!(" {text}"))}
            </p>
            {choice}
        }
    });

    let table = preview.with_value(|p| {
        let head = p
            .header
            .iter()
            .enumerate()
            .map(|(index, name)| {
                let field = move || {
                    mapping.with(|m| {
                        m.columns
                            .iter()
                            .find(|(_, &column)| column == index)
                            .map(|(field, _)| field_label(tr, *field))
                    })
                };
                view! {
                    <th scope="col">
                        <span class="column-letter">{column_letters(index)}</span>" "
                        <bdi>{name.clone()}</bdi>
                        {move || field().map(|label| view! { <span class="column-field">{label}</span> })}
                    </th>
                }
            })
            .collect_view();
        let rows = p
            .sample
            .iter()
            .take(PREVIEW_ROWS)
            .map(|row| {
                let cells = row
                    .iter()
                    // The cell takes its text's direction, so a Latin value in the Arabic view
                    // is cut at its end, not at its start.
                    .map(|cell| view! { <td dir="auto">{cell.clone()}</td> })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="mapping-preview-scroll">
                <table class="mapping-preview" data-testid="mapping-preview">
                    <caption>{tr.count("map-first-rows", p.sample.len().min(PREVIEW_ROWS) as u64)}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    // How the table was read, in the page's language (the encoding's name and the sheet's name
    // stay as they are).
    let reading = preview.with_value(|p| view! { <span>{tr.said(&p.reading)}"."</span> });

    view! {
        <section class="column-mapping" data-testid="column-mapping" aria-labelledby="column-mapping-title">
            <h2 id="column-mapping-title">{tr.text("map-title")}" "<bdi>{name}</bdi></h2>
            <p class="hint">{reading}" "{tr.text("mapping-hint")}</p>
            {sheet_choice}
            {header_row}
            {move || sheet_problem.get().map(|text| view! {
                <p class="import-failure" role="alert" data-testid="sheet-problem">{i18n::said_view(tr, &text)}</p>
            })}
            {table}
            <div class="mapping-fields">{field_rows}</div>
            {date_order}
            <ul class="mapping-missing" role="status" data-testid="mapping-missing">
                {move || missing.get().into_iter().map(|line| view! { <li>{tr.said(&line)}</li> }).collect_view()}
            </ul>
            <div class="mapping-actions">
                <button type="button" data-testid="mapping-import"
                    disabled=move || !missing.with(Vec::is_empty)
                    on:click=move |_| on_import.run(mapping.get_untracked())>
                    {tr.text("map-open")}
                </button>
                <button type="button" on:click=move |_| on_cancel.run(())>{tr.text("cancel")}</button>
            </div>
        </section>
    }
}
