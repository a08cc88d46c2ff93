//! Small hand-built datasets for the tests of the table, the filters and the aggregations.

use crate::core::model::{
    ActorRef, Casualty, Citation, Collection, Dataset, DatePrecision, DateRange, Event,
    LocationPrecision, Party, Place, Source, SCHEMA_VERSION,
};
use crate::core::vocab::{
    Actor, CasualtyGroup, EventKind, Governorate, Outcome, Publisher, Qualifier, Role,
};

/// The xorshift generator the property tests build random tables and filters with: from
/// `state` (not 0), a function giving a number below its argument at each call.
pub fn xorshift(mut state: u64) -> impl FnMut(u64) -> u64 {
    move |modulus: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % modulus
    }
}

/// Source ids every test dataset carries, one per publisher.
pub const SOHR: &str = "sohr-1";
pub const SNHR: &str = "snhr-1";
pub const UCDP: &str = "ucdp-1";
pub const AL_JAZEERA: &str = "aj-1";

/// An event under construction, with chainable setters.
pub struct Ev(pub Event);

/// A day-precision airstrike on `date` with no actors, places, casualties or citations.
pub fn ev(id: &str, date: &str) -> Ev {
    Ev(Event {
        id: id.to_string(),
        date: DateRange {
            start: date.to_string(),
            end: date.to_string(),
            precision: DatePrecision::Day,
        },
        places: Vec::new(),
        actors: Vec::new(),
        kind: EventKind::Airstrike,
        event_type: None,
        sub_event_type: None,
        count: None,
        casualties: Vec::new(),
        facilities: Vec::new(),
        weapons: Vec::new(),
        summary: String::new(),
        citations: Vec::new(),
        ucdp: None,
        acled: None,
    })
}

pub fn casualty(
    group: CasualtyGroup,
    outcome: Outcome,
    low: Option<u64>,
    best: Option<u64>,
    high: Option<u64>,
) -> Casualty {
    Casualty {
        group,
        outcome,
        low,
        best,
        high,
        qualifier: if best.is_some() {
            Qualifier::Exact
        } else {
            Qualifier::Unspecified
        },
        wording: None,
        party: None,
    }
}

impl Ev {
    pub fn range(mut self, start: &str, end: &str, precision: DatePrecision) -> Ev {
        self.0.date = DateRange {
            start: start.to_string(),
            end: end.to_string(),
            precision,
        };
        self
    }
    pub fn kind(mut self, kind: EventKind) -> Ev {
        self.0.kind = kind;
        self
    }
    pub fn actor(mut self, actor: Actor, role: Role) -> Ev {
        self.0.actors.push(ActorRef {
            actor,
            role,
            party: None,
        });
        self
    }
    pub fn party(mut self, actor: Actor, role: Role, party: u32) -> Ev {
        self.0.actors.push(ActorRef {
            actor,
            role,
            party: Some(party),
        });
        self
    }
    pub fn place(mut self, name: &str, governorate: Option<Governorate>) -> Ev {
        self.0.places.push(Place {
            name: name.to_string(),
            governorate,
            district: None,
            lat: None,
            lon: None,
            precision: LocationPrecision::Exact,
            gazetteer: None,
        });
        self
    }
    pub fn killed(self, group: CasualtyGroup, best: u64) -> Ev {
        self.casualty(casualty(group, Outcome::Killed, None, Some(best), None))
    }
    pub fn casualty(mut self, casualty: Casualty) -> Ev {
        self.0.casualties.push(casualty);
        self
    }
    pub fn cite(mut self, source: &str, quote: &str) -> Ev {
        self.0.citations.push(Citation {
            source: source.to_string(),
            quote: quote.to_string(),
            reported_by: None,
        });
        self
    }
    pub fn summary(mut self, summary: &str) -> Ev {
        self.0.summary = summary.to_string();
        self
    }
}

/// A collection holding `events`, one source per publisher and two named parties.
pub fn dataset(collection: &str, events: Vec<Ev>) -> Dataset {
    let source = |id: &str, publisher: Publisher| Source {
        id: id.to_string(),
        publisher,
        title: format!("{id} report"),
        published: None,
        published_inferred: false,
        published_note: None,
        language: "en".to_string(),
        file: None,
        url: None,
    };
    Dataset {
        schema_version: SCHEMA_VERSION,
        collection: Collection {
            id: collection.to_string(),
            name: collection.to_string(),
            description: String::new(),
            version: None,
            license: None,
            attribution: Vec::new(),
            citations: Vec::new(),
        },
        sources: vec![
            source(SOHR, Publisher::Sohr),
            source(SNHR, Publisher::Snhr),
            source(UCDP, Publisher::Ucdp),
            source(AL_JAZEERA, Publisher::AlJazeera),
        ],
        parties: vec![
            Party {
                name: "Ahrar al-Sham".to_string(),
                actors: vec![Actor::Opposition],
            },
            Party {
                name: "Liwa Fatemiyoun".to_string(),
                actors: vec![Actor::IranBacked],
            },
        ],
        dyads: Vec::new(),
        events: events.into_iter().map(|e| e.0).collect(),
        figures: Vec::new(),
    }
}
