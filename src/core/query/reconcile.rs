//! The rule every new view state goes through before it is shown ([`ViewState::reconcile`]),
//! and the labels of the reader's files in view ([`ViewState::label_files`]): both match a
//! state to what is loaded on this device, so a live view and its link never differ.

use std::collections::BTreeMap;

use super::notices::{search_cut, shorten, Notices};
use super::{cut_to, order_dates, Notice, ViewState, MAX_VALUE_BYTES};
use crate::core::facet::Facet;
use crate::core::file_link::{fingerprint_of, FileLabel};
use crate::core::i18n::{label_key, Said};
use crate::core::table::EventTable;

impl ViewState {
    /// The rule every new state goes through, however it came (a link, Back and Forward, the
    /// form, a click on a chart or a figure), so that a live view and its link never differ:
    ///
    /// - `from` after `to`: the two dates are swapped;
    /// - collections are matched to the loaded ones (`table.collection_ids`) without regard to
    ///   ASCII case and written as loaded; ids that match none are dropped;
    /// - facet values (actor names, districts, places, sources) are matched to the values of
    ///   the loaded events without regard to case and written as the data spells them; values
    ///   no loaded event has are dropped;
    /// - what a link cannot hold is left out: a facet's values past [`MAX_VALUE_BYTES`]
    ///   together, a search text past it (cut), as [`decode`](super::decode) would refuse or cut them;
    /// - the labels of files (`files`) are dropped, without a notice: they say what the
    ///   sender's files were, and [`ViewState::label_files`] writes this device's.
    ///
    /// Returns a notice for each change. A state that needs none is left as it is.
    pub fn reconcile(&mut self, table: &EventTable) -> Vec<Notice> {
        let collection_ids = &table.collection_ids;
        let mut notices = Notices::default();
        self.files.clear();
        order_dates(self, &mut notices);
        for facet in Facet::ALL {
            let dictionary = &table.facets[facet.index()].dictionary;
            let asked = std::mem::take(&mut self.facets[facet.index()]);
            let mut unknown = Vec::new();
            for value in asked {
                match dictionary.find(&value).and_then(|id| dictionary.value(id)) {
                    Some(known) => {
                        self.facets[facet.index()].insert(known.to_string());
                    }
                    None => unknown.push(format!("“{}”", shorten(&value))),
                }
            }
            if !unknown.is_empty() {
                let values = unknown.join(", ");
                let said = Said::new("notice-no-event-has")
                    .arg_key("expects", label_key("expects", facet.id()))
                    .arg("values", values.clone());
                notices.push_said(
                    facet.id(),
                    format!("No loaded event has {} {values}; ignored", facet.expects()),
                    Some(said),
                );
            }
            // What a link can hold: more would be refused when the link is opened, and the
            // view would not be the link's.
            let mut used = 0;
            let mut left_out = 0;
            self.facets[facet.index()].retain(|value| {
                let after = if used == 0 {
                    value.len()
                } else {
                    used + 1 + value.len()
                };
                let fits = after <= MAX_VALUE_BYTES;
                if fits {
                    used = after;
                } else {
                    left_out += 1;
                }
                fits
            });
            if left_out > 0 {
                notices.push_said(
                    facet.id(),
                    format!(
                        "A link holds at most {MAX_VALUE_BYTES} bytes of “{}” values; {left_out} \
                         were left out",
                        facet.id()
                    ),
                    Some(
                        Said::new("notice-list-cut")
                            .arg("limit", MAX_VALUE_BYTES.to_string())
                            .arg("param", facet.id())
                            .arg("n", left_out.to_string()),
                    ),
                );
            }
        }
        if self.text.len() > MAX_VALUE_BYTES {
            cut_to(&mut self.text, MAX_VALUE_BYTES);
            search_cut(&mut notices);
        }
        let mut unknown = Vec::new();
        let collections = std::mem::take(&mut self.collections);
        for id in collections {
            match collection_ids
                .iter()
                .find(|known| known.eq_ignore_ascii_case(&id))
            {
                Some(known) => {
                    self.collections.insert(known.clone());
                }
                None => unknown.push(id),
            }
        }
        if !unknown.is_empty() {
            let named = unknown
                .iter()
                .map(|id| format!("“{}”", shorten(id)))
                .collect::<Vec<_>>()
                .join(", ");
            let loaded = collection_ids.join(", ");
            // A reader's own file (`file-` and 12 hex digits of its fingerprint): the page says
            // which file it is, from the link (`core::file_link`).
            let own_file = unknown.iter().any(|id| fingerprint_of(id).is_some());
            let own = if own_file {
                ". A “file-” collection is a file opened on another device: open the same file \
                 here to see this view"
            } else {
                ""
            };
            let key = if own_file {
                "notice-no-collection-file"
            } else {
                "notice-no-collection"
            };
            let said = Said::new(key)
                .arg("named", named.clone())
                .arg("loaded", loaded.clone());
            notices.push_said(
                "c",
                format!("No collection {named} is loaded (loaded: {loaded}); ignored{own}"),
                Some(said),
            );
        }
        notices.finish()
    }

    /// Labels the reader's files in view (after [`ViewState::reconcile`]): of the files open on
    /// this device (`opened`, by collection id), each loaded collection that `collections`
    /// names, or every loaded one when it names none. Labels that would take `file=` past
    /// [`MAX_VALUE_BYTES`] are left out, as [`decode`](super::decode) would refuse them; the rest stay.
    pub fn label_files(&mut self, table: &EventTable, opened: &BTreeMap<String, FileLabel>) {
        self.files.clear();
        let mut used = 0;
        for (id, label) in opened {
            let loaded = table.collection_ids.contains(id);
            let in_view = self.collections.is_empty() || self.collections.contains(id);
            if !loaded || !in_view {
                continue;
            }
            let bytes = label.item(id).len();
            let after = if used == 0 { bytes } else { used + 1 + bytes };
            if after <= MAX_VALUE_BYTES {
                used = after;
                self.files.insert(id.clone(), label.clone());
            }
        }
    }
}
