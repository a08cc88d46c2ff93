//! The parameters of the query string: their keys in canonical order, which are lists, and
//! what a value of each must be (for notices).

use crate::core::facet::Facet;

/// The parameters, in canonical order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Param {
    Lang,
    View,
    Collections,
    File,
    From,
    To,
    Dates,
    Actor,
    Role,
    Party,
    Kind,
    EventType,
    Gov,
    District,
    Place,
    Pub,
    Source,
    Cas,
    Q,
    Sort,
    Metric,
    By,
    Stack,
    Table,
    Sel,
    Page,
}

pub(super) const PARAMS: [Param; 26] = [
    Param::Lang,
    Param::View,
    Param::Collections,
    Param::File,
    Param::From,
    Param::To,
    Param::Dates,
    Param::Actor,
    Param::Role,
    Param::Party,
    Param::Kind,
    Param::EventType,
    Param::Gov,
    Param::District,
    Param::Place,
    Param::Pub,
    Param::Source,
    Param::Cas,
    Param::Q,
    Param::Sort,
    Param::Metric,
    Param::By,
    Param::Stack,
    Param::Table,
    Param::Sel,
    Param::Page,
];

impl Param {
    pub(super) fn key(self) -> &'static str {
        match self {
            Param::Lang => "lang",
            Param::View => "view",
            Param::Collections => "c",
            Param::File => "file",
            Param::From => "from",
            Param::To => "to",
            Param::Dates => "dates",
            Param::Actor => "actor",
            Param::Role => "role",
            Param::Party => Facet::Party.id(),
            Param::EventType => Facet::EventType.id(),
            Param::Kind => "kind",
            Param::Gov => "gov",
            Param::District => Facet::District.id(),
            Param::Place => Facet::Place.id(),
            Param::Pub => "pub",
            Param::Source => Facet::Source.id(),
            Param::Cas => "cas",
            Param::Q => "q",
            Param::Sort => "sort",
            Param::Metric => "metric",
            Param::By => "by",
            Param::Stack => "stack",
            Param::Table => "table",
            Param::Sel => "sel",
            Param::Page => "page",
        }
    }

    pub(super) fn from_key(key: &str) -> Option<Param> {
        PARAMS.iter().copied().find(|p| p.key() == key)
    }

    pub(super) fn is_list(self) -> bool {
        matches!(
            self,
            Param::Collections
                | Param::File
                | Param::Actor
                | Param::Kind
                | Param::Gov
                | Param::Pub
                | Param::Party
                | Param::EventType
                | Param::District
                | Param::Place
                | Param::Source
                | Param::Table
        )
    }

    /// The open facet this parameter selects values of.
    pub(super) fn facet(self) -> Option<Facet> {
        match self {
            Param::Party => Some(Facet::Party),
            Param::EventType => Some(Facet::EventType),
            Param::District => Some(Facet::District),
            Param::Place => Some(Facet::Place),
            Param::Source => Some(Facet::Source),
            _ => None,
        }
    }

    /// What a value of this parameter must be, with its article, for notices.
    pub(super) fn expects(self) -> &'static str {
        match self {
            Param::Lang => "a language of the interface (ar or en)",
            Param::View => "a view (list, figures, map or about)",
            Param::Collections => "a collection id",
            Param::File => "a file (collection id:rows:events:name)",
            Param::From | Param::To => "a date (YYYY-MM-DD)",
            Param::Dates => "a way of matching dates (within or overlap)",
            Param::Actor => "an actor",
            Param::Role => "an actor role (perpetrator or any)",
            Param::Party => Facet::Party.expects(),
            Param::EventType => Facet::EventType.expects(),
            Param::District => Facet::District.expects(),
            Param::Place => Facet::Place.expects(),
            Param::Source => Facet::Source.expects(),
            Param::Kind => "an event kind",
            Param::Gov => "a governorate",
            Param::Pub => "a publisher",
            Param::Cas => "a casualty filter (killed, civilians, children or injured)",
            Param::Q => "a search text",
            Param::Sort => "a sort order",
            Param::Metric => "a metric (events, deaths or civilians)",
            Param::By => "an interval (week or month)",
            Param::Stack => "a stacking setting (0 or 1)",
            Param::Table => "a chart (timeline, actor, kind, gov, composition or map)",
            Param::Sel => "an event id",
            Param::Page => "a page number (from 1)",
        }
    }
}
