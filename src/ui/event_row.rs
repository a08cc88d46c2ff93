//! One incident as a row of the list, written as HTML text: date with its precision, place,
//! actors, kind, casualties in the report's words, the summary (a button that opens the record)
//! and the sources. The list puts rows on the page as text because the browser parses a row in
//! one call, where building it node by node from WebAssembly takes some forty calls, and a
//! filter change with the list on screen must fit in a frame. Everything taken from the data is
//! escaped here, so a hostile file shows its markup as text.

use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};

use crate::core::catalog::Catalog;
use crate::core::i18n::Lang;
use crate::ui::event_text;

/// The attribute on a row that names its event, and on its summary button, which opens it.
pub const EVENT_ID: &str = "data-event-id";

/// The row of table row `row`, marked as the current one (`aria-current`, which screen readers
/// announce and the stylesheet highlights) when its event is `selected`; `None` when the
/// catalog has no such row. The app's own words are in `tr`.
pub fn row_html(tr: Lang, catalog: &Catalog, row: u32, selected: Option<&str>) -> Option<String> {
    let row = row as usize;
    let event = &catalog.event(row)?;
    let mut html = String::with_capacity(1024);
    let id = |html: &mut String| {
        html.push_str(EVENT_ID);
        html.push_str("=\"");
        encode_double_quoted_attribute_to_string(&event.id, html);
        html.push('"');
    };
    html.push_str("<tr role=\"row\"");
    if selected == Some(event.id.as_str()) {
        html.push_str(" aria-current=\"true\"");
    }
    html.push(' ');
    id(&mut html);
    html.push('>');

    let (date, precision) = event_text::date(tr, event);
    cell(&mut html, "", |html| {
        encode_text_to_string(&date, html);
        if let Some(precision) = precision {
            html.push_str("<span class=\"precision\">");
            encode_text_to_string(&precision, html);
            html.push_str("</span>");
        }
    });
    cell(&mut html, "", |html| {
        if let Some(place) = event.places.first() {
            let name = event_text::place_name(tr, catalog, place);
            if name.source_spelling {
                // The source's Latin spelling in the Arabic view: marked (italic, with why in
                // its title) and read as the language it is written in.
                html.push_str("<bdi class=\"source-spelling\" lang=\"en\" title=\"");
                encode_double_quoted_attribute_to_string(tr.text("place-source-spelling"), html);
                html.push_str("\">");
                encode_text_to_string(name.text, html);
                html.push_str("</bdi>");
            } else {
                isolated(name.text, html);
            }
            let governorate_named = |g: &crate::core::vocab::Governorate| {
                g.label() != place.name && tr.label("gov", g.id()) != name.text
            };
            if let Some(governorate) = place.governorate.filter(governorate_named) {
                html.push_str(if tr == Lang::Ar { "، " } else { ", " });
                encode_text_to_string(tr.label("gov", governorate.id()), html);
            }
        }
    });
    cell(&mut html, "", |html| {
        isolated(&event_text::actors(tr, catalog, row, event), html);
    });
    cell(&mut html, "", |html| {
        encode_text_to_string(tr.label("kind", event.kind.id()), html);
    });
    cell(&mut html, "", |html| {
        for casualty in &event.casualties {
            html.push_str("<div>");
            encode_text_to_string(event_text::casualty(tr, casualty), html);
            if let Some(wording) = &casualty.wording {
                html.push_str(" — “");
                isolated(wording, html);
                html.push('”');
            }
            html.push_str("</div>");
        }
    });
    cell(&mut html, " class=\"summary-cell\"", |html| {
        // The summary is the source's text: its own direction, aligned as it reads.
        html.push_str("<button type=\"button\" dir=\"auto\" ");
        id(html);
        html.push('>');
        isolated(&event.summary, html);
        html.push_str("</button>");
    });
    cell(&mut html, "", |html| {
        isolated(&event_text::sources(tr, catalog, row, event), html);
    });
    html.push_str("</tr>");
    Some(html)
}

/// Text from data, escaped and isolated in a `<bdi>`: right-to-left text, or a stray direction
/// control in it, cannot reorder what is around it (the numbers of the next cell, say).
fn isolated(text: &str, html: &mut String) {
    html.push_str("<bdi>");
    encode_text_to_string(text, html);
    html.push_str("</bdi>");
}

/// A cell with `attributes` (each with its leading space) around what `content` writes.
fn cell(html: &mut String, attributes: &str, content: impl FnOnce(&mut String)) {
    html.push_str("<td role=\"cell\"");
    html.push_str(attributes);
    html.push('>');
    content(html);
    html.push_str("</td>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate;

    /// A catalog of the curated collection with one event's text replaced by markup.
    fn catalog_with(summary: &str, id: &str, wording: &str) -> Catalog {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/curated.json"
        ))
        .expect("the curated collection is in the repository");
        let mut loaded = validate::load("curated.json", &bytes).expect("it loads");
        let mut events = loaded.dataset.events.to_vec();
        let event = events
            .iter_mut()
            .find(|e| e.casualties.len() > 1)
            .expect("an event with several figures");
        event.summary = summary.to_string();
        event.id = id.to_string();
        event.casualties[0].wording = Some(wording.to_string());
        loaded.dataset.events = events.into();
        Catalog::new(vec![loaded])
    }

    fn row_of(catalog: &Catalog, id: &str) -> u32 {
        let row = catalog.row_of(id).expect("the event is in the catalog");
        u32::try_from(row).expect("a table row fits in u32")
    }

    #[test]
    fn markup_from_the_data_is_written_as_text() {
        let summary = "<img src=x onerror=\"alert(1)\"> & <script>alert(2)</script>";
        let id = "x\" onclick=\"alert(3)";
        let wording = "</td><td>42 killed";
        let catalog = catalog_with(summary, id, wording);
        let row = row_of(&catalog, id);
        let html = row_html(Lang::En, &catalog, row, None).expect("a row");
        assert!(!html.contains("<img"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("\" onclick"));
        assert!(html.contains("&lt;img src=x onerror=\"alert(1)\"&gt; &amp; &lt;script&gt;"));
        assert!(html.contains("data-event-id=\"x&quot; onclick=&quot;alert(3)\""));
        assert!(html.contains("“<bdi>&lt;/td&gt;&lt;td&gt;42 killed</bdi>”"));
        // Seven cells, and the only tags are the row's own.
        assert_eq!(html.matches("<td ").count(), 7);
        assert_eq!(html.matches('<').count(), html.matches('>').count());
    }

    #[test]
    fn a_row_says_what_the_list_shows_and_which_row_is_selected() {
        let catalog = catalog_with("Shelling of a market", "evt-1", "“dozens” killed");
        let row = row_of(&catalog, "evt-1");
        let event = catalog.event(row as usize).expect("the event");
        let html = row_html(Lang::En, &catalog, row, Some("evt-1")).expect("a row");
        assert!(html.starts_with("<tr role=\"row\" aria-current=\"true\" data-event-id=\"evt-1\">"));
        assert!(html.contains(
            "<button type=\"button\" dir=\"auto\" data-event-id=\"evt-1\"><bdi>Shelling of a market</bdi></button>"
        ));
        assert!(html.contains(event.kind.label()));
        // Every figure, in the report's words where it has them.
        assert_eq!(html.matches("<div>").count(), event.casualties.len());
        assert!(html.contains(" — “<bdi>“dozens” killed</bdi>”"));
        let unselected = row_html(Lang::En, &catalog, row, Some("evt-2")).expect("a row");
        assert!(!unselected.contains("aria-current"));
        assert_eq!(row_html(Lang::En, &catalog, u32::MAX, None), None);
    }

    #[test]
    fn an_arabic_row_has_the_app_words_in_arabic_and_the_source_words_as_they_are() {
        let catalog = catalog_with("Shelling of a market", "evt-1", "“dozens” killed");
        let row = row_of(&catalog, "evt-1");
        let event = catalog.event(row as usize).expect("the event");
        let html = row_html(Lang::Ar, &catalog, row, None).expect("a row");
        assert!(html.contains(&Lang::Ar.label("kind", event.kind.id())));
        assert!(!html.contains(event.kind.label()));
        assert!(html.contains("<bdi>Shelling of a market</bdi>"));
        assert!(html.contains("<bdi>“dozens” killed</bdi>"));
        // Casualties worded in Arabic, with Western digits.
        assert!(html.contains("قتلى"), "{html}");
        assert!(!html.contains(" killed <") && !html.contains("civilians killed"));
    }
}
