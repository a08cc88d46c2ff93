# The interface in English. Every key here is in locales/ar/main.ftl too (a test checks it).
# Arguments: $n is a number already written (thousands grouped), $count the same number for
# choosing a plural form. Data text (summaries, quotes, names as the source spells them) never
# comes from here.

## The page

app-title = Syria Incident Explorer
app-tagline = Documented military incidents in Syria, each traced to the report that documented it.
lang-switch-label = Language of the interface
loading = Loading the datasets…
notices-heading = Some parts of this link were changed or ignored:
skipped-records = { $count ->
    [one] { $n } record could not be read and was skipped (the full list is in About):
   *[other] { $n } records could not be read and were skipped (the full list is in About):
}

## Tabs

tabs-label = Views
tab-list = Incidents
tab-map = Map
tab-figures = Reported figures
tab-about = About

## Summary bar

summary-label = Summary of the current view
summary-of = of
summary-events = { $count ->
    [one] event
   *[other] events
}
summary-milestones = { $count ->
    [one] ({ $n } agreement or political event among them: listed, not counted as an incident)
   *[other] ({ $n } agreements or political events among them: listed, not counted as incidents)
}
summary-deaths = { $count ->
    [one] { $best } death
   *[other] { $best } deaths
} (best estimate; range { $low }–{ $high }), { $civilians } { $civilians_count ->
    [one] civilian
   *[other] civilians
}
summary-deaths-no-civilians = { $count ->
    [one] { $best } death
   *[other] { $best } deaths
} (best estimate; range { $low }–{ $high }); no number of civilians killed is given
summary-deaths-none-given = no number of deaths is given; { $civilians } { $civilians_count ->
    [one] civilian
   *[other] civilians
} killed
summary-deaths-none-given-no-civilians = no number of deaths or of civilians killed is given
summary-no-deaths = { $count ->
    [one] { $n } event gives no number of deaths
   *[other] { $n } events give no number of deaths
}
summary-no-civilians = { $count ->
    [one] { $n } event gives no number of civilians killed
   *[other] { $n } events give no number of civilians killed
}
summary-at-least = { $count ->
    [one] ({ $n } event gives its deaths only as “at least”: the range's top is no upper limit)
   *[other] ({ $n } events give their deaths only as “at least”: the range's top is no upper limit)
}
summary-unstated = ({ $first }: counted as 0)
summary-unstated-two = ({ $first }; { $second }: counted as 0)
summary-beyond-window = { $count ->
    [one] ({ $n } event has dates reaching beyond these dates, such as a whole month or year, and counts whole: { $deaths } of the deaths)
   *[other] ({ $n } events have dates reaching beyond these dates, such as a whole month or year, and count whole: { $deaths } of the deaths)
}
summary-beyond-window-no-deaths = { $count ->
    [one] ({ $n } event has dates reaching beyond these dates, such as a whole month or year, and counts whole)
   *[other] ({ $n } events have dates reaching beyond these dates, such as a whole month or year, and count whole)
}
summary-best-outside = { $count ->
    [one] (for { $n } event the source's best estimate lies outside its own low–high range)
   *[other] (for { $n } events the source's best estimate lies outside its own low–high range)
}
summary-within-only = (only events dated within these dates)
summary-within-left-out = { $count ->
    [one] (only events dated within these dates: { $n } event whose dates reach beyond them is left out, with { $deaths })
   *[other] (only events dated within these dates: { $n } events whose dates reach beyond them are left out, with { $deaths })
}
summary-within-left-out-no-deaths = { $count ->
    [one] (only events dated within these dates: { $n } event whose dates reach beyond them is left out)
   *[other] (only events dated within these dates: { $n } events whose dates reach beyond them are left out)
}
summary-left-out-deaths = { $count ->
    [one] { $n } death
   *[other] { $n } deaths
}
count-within-only = Count only events dated within
count-overlapping = Also count events whose dates overlap
composition-children-no-number = { $count ->
    [one] { $n } event says children were killed without giving a number
   *[other] { $n } events say children were killed without giving a number
}
composition-women-no-number = { $count ->
    [one] { $n } event says women were killed without giving a number
   *[other] { $n } events say women were killed without giving a number
}
composition-unstated = { $first }: in no bar above.
composition-unstated-two = { $first }; { $second }: in no bar above.
copy-link = Copy link
link-copied = Link copied
export-csv = Export CSV
export-json = Export JSON
# An export being written, and the share of it written so far.
exporting = Exporting… { $percent }%
clear-all = Clear all
events-count = { $count ->
    [one] { $n } event
   *[other] { $n } events
}
deaths-count = { $count ->
    [one] { $n } death
   *[other] { $n } deaths
}

## Filters

filters = Filters
filter-search = Search
filter-search-label = Search summaries, places and quotes
filter-search-placeholder = Search summaries, places, quotes…
filter-dates = Dates
filter-from = From
filter-to = To
filter-date-match-label = Count an event whose dates
filter-date-overlap = overlap these dates
filter-date-within = lie within these dates
filter-dates-within = only events dated within them
filter-collection = Collection
filter-publisher = Publisher
filter-actor-role = Actor role
filter-actor-role-label = Count an actor when it is
filter-role-any = In any role
filter-role-perpetrator = As perpetrator only
filter-actor = Actor
filter-kind = Event kind
filter-governorate = Governorate
filter-casualties = Casualties
clear = Clear
cas-killed = People killed
cas-civilians = Civilians killed
cas-children = Children killed
cas-injured = People injured
facet-party = Actor as the source names it
facet-type = Type as the source names it
facet-district = District
facet-place = Place
facet-source = Source
facet-find-label = Find { $facet } among { $n }
facet-find-placeholder = Find among { $n }…
facet-no-match = No option matches
facet-more = { $n } more: type to find them
facet-summary = { $facet } ({ $n })
facet-summary-ticked = { $facet } ({ $ticked } of { $n } ticked)
facet-grouped-under = { $value } (grouped under { $names })

## Timeline

timeline = Timeline
timeline-metric = Metric
timeline-metric-label = Timeline metric
timeline-by = By
timeline-interval-label = Timeline interval
timeline-by-actor = by actor
timeline-empty = No dated events match these filters.
timeline-canvas-label = Timeline of { $n } columns; drag, or use the arrow keys and Enter, to choose dates
timeline-part = { $metric ->
    [deaths] The chart shows { $shown } of this view's { $total } deaths: an event dated only to a longer period (a month, a year) is spread over all of it, and part of that lies outside the periods shown.
    [civilians] The chart shows { $shown } of this view's { $total } civilians killed: an event dated only to a longer period (a month, a year) is spread over all of it, and part of that lies outside the periods shown.
   *[events] The chart shows { $shown } of this view's { $total } events: an event dated only to a longer period (a month, a year) is spread over all of it, and part of that lies outside the periods shown.
}
timeline-hint = Hover or drag across the timeline to see values and choose dates.
timeline-imprecise-legend = dated only to a month, year or period (spread over it)
timeline-other-actors = other actors
timeline-all-events = all events
milestones-none = No agreement or ceasefire among these events.
milestones-label = Agreements, ceasefires and political events
milestones-more = Show { $more } more ({ $listed } of { $total } listed)
timeline-week-of = Week of { $date }
chart-value = { $label }: { $value } { $metric }
timeline-imprecise = ({ $value } from imprecisely dated events)
metric-events = Events
metric-deaths = Deaths (best estimate)
metric-civilians = Civilians killed
interval-week = Weekly
interval-month = Monthly
download-svg = SVG

## Bar charts

bars-actor = By actor (an event counts for each of its actors)
bars-kind = By event kind
bars-governorate = By governorate
bars-empty = Nothing to show for these filters.
composition = Who was killed (best estimates)
composition-title = Casualty composition
comp-children = Children
comp-women = Women
comp-other-civilians = Other civilians
comp-combatants = Combatants
comp-unknown = Unknown status

## Charts as tables, and the names of the charts' controls

chart-subject-timeline = the timeline
chart-subject-actor = the chart by actor
chart-subject-kind = the chart by event kind
chart-subject-gov = the chart by governorate
chart-subject-composition = the casualty composition
chart-subject-map = the map
download-svg-label = Download { $chart } as SVG
table-toggle = Table
table-toggle-label = Show { $chart } as a table
table-csv = CSV
table-csv-label = Export the table of { $chart } as CSV
table-caption = { $chart } — { $metric }
table-caption-interval = { $chart } — { $metric } ({ $interval })
table-col-actor = Actor
table-col-kind = Event kind
table-col-gov = Governorate
table-col-category = Who was killed
table-col-deaths = Deaths (best estimate)
table-col-month = Month
table-col-week = Week starting
table-col-imprecise = Of which from imprecise dates
table-col-other = Other actors, or none named
table-col-area-only = Events without a precise place (+N)
table-col-selected = Filter
table-selected = ✓ in the filter
table-csv-columns = Column names are stable English identifiers; names and periods are in the language of the page.
table-csv-view = View: { $link }

## The list

list-title = Incidents
list-range = { $first }–{ $last } of { $total }
list-empty = No incident matches these filters.
clear-all-filters = Clear all filters
col-date = Date
col-place = Place
col-actors = Actors
col-kind = Kind
col-casualties = Casualties (by deaths)
col-summary = Summary
col-source = Source
pages-label = Pages
page-previous = Previous
page-next = Next
page-of = Page { $page } of { $pages }
sort-newest = Newest first
sort-oldest = Oldest first
sort-most-deaths = Most deaths first
sort-fewest-deaths = Fewest deaths first

## How an event reads

precision-month = dated to the month
precision-year = dated to the year
precision-days = within a few days
precision-week = within a week
precision-period = somewhere in this period
date-range = { $from } – { $to }
actor-with-role = { $actor } ({ $role })
actor-as-named = { $actor } ({ $role }, as “{ $name }”)
actors-none = not named
source-citing = { $name }, citing { $by }
casualty-line = { $amount } { $group } { $outcome }
casualty-range = { $best } (range { $low }–{ $high })
amount = { $qualifier ->
    [at_least] at least { $n }
    [over] over { $n }
    [about] about { $n }
    [nearly] nearly { $n }
    [several] several { $n }
   *[exact] { $n }
}
amount-vague = { $qualifier ->
    [several] several
   *[other] an unspecified number of
}
group-all = all people
group-civilians = civilians
group-children = children
group-women = women
group-medical-personnel = medical personnel
group-civil-defence = civil defence personnel
group-media-workers = media workers
group-combatants = combatants
group-isis-members = ISIS members
group-prisoners = prisoners
group-people = people
group-unknown = unknown status
outcome-killed = killed
outcome-injured = injured
outcome-arrested = arrested
outcome-released = released
outcome-displaced = displaced

## Vocabulary: governorates

gov-damascus = Damascus
gov-aleppo = Aleppo
gov-rif-dimashq = Rif Dimashq
gov-homs = Homs
gov-hama = Hama
gov-latakia = Latakia
gov-idlib = Idlib
gov-al-hasakah = Al-Hasakah
gov-deir-ez-zor = Deir ez-Zor
gov-tartus = Tartus
gov-ar-raqqah = Ar-Raqqah
gov-daraa = Daraa
gov-as-suwayda = As-Suwayda
gov-quneitra = Quneitra

## Vocabulary: actors

actor-russia = Russian forces
actor-syrian-government = Syrian government forces
actor-pro-government-militias = Pro-government militias
actor-iran-backed = Iranian-backed militias
actor-iran = Iranian forces
actor-hezbollah = Hezbollah
actor-coalition = International Coalition
actor-united-states = United States forces
actor-turkey = Turkish forces
actor-israel = Israeli forces
actor-iraq = Iraqi forces
actor-jordan = Jordanian forces
actor-sdf = SDF
actor-pkk = PKK
actor-isis = ISIS
actor-hts = HTS / Jabhat Fateh al-Sham
actor-other-jihadist = Other jihadist groups
actor-opposition = Armed opposition
actor-palestinian-factions = Palestinian factions
actor-tribal = Tribal and clan groups
actor-civilians = Civilians
actor-unknown = Unidentified
actor-other = Other named groups
role-perpetrator = perpetrator
role-target = target
role-participant = participant

## Vocabulary: event kinds

kind-airstrike = Airstrike
kind-shelling = Shelling
kind-barrel-bomb = Barrel bomb
kind-guided-missile = Guided missile
kind-rocket-attack = Rocket attack
kind-ied = IED
kind-chemical-attack = Chemical attack
kind-ground-attack = Ground attack
kind-security-operation = Security operation
kind-raid-arrest = Raid / arrest
kind-airdrop = Airdrop
kind-joint-patrol = Joint patrol
kind-prisoner-release = Prisoner release
kind-convoy-reinforcement = Convoy / reinforcement
kind-withdrawal = Withdrawal
kind-ceasefire-agreement = Ceasefire / agreement
kind-political-event = Political event
kind-state-based-violence = State-based violence (UCDP)
kind-non-state-violence = Non-state violence (UCDP)
kind-one-sided-violence = One-sided violence (UCDP)
kind-other = Other

## Vocabulary: publishers

pub-sohr = Syrian Observatory for Human Rights (SOHR)
pub-snhr = Syrian Network for Human Rights (SNHR)
pub-al-jazeera = Al Jazeera
pub-ucdp = Uppsala Conflict Data Program (UCDP)
pub-acled = Armed Conflict Location & Event Data (ACLED)
pub-other = Other

## Keyboard, focus and announcements (skip link, live region, active filter chips)

skip-to-results = Skip to results
announce-results = Results: { $events }, { $deaths } (best estimate)
chips-label = Active filters
chip-remove = Remove filter:
chip-text = { $dimension }: { $value }
list-sort-label = Sort by
figures-col-events = Events in the list

## Offline and updates

offline-badge = Offline — working from the saved copy
update-ready = A new version is ready —
update-reload = Reload

## The record of one event

detail-not-found = No event has the id “{ $id }” in the loaded collections.
detail-close = Close
detail-copy-link = Copy link to this event
detail-date-line = { $date } ({ $precision }; { $from } to { $to })
detail-no-coordinates = no coordinates (none given by an open gazetteer or the source)
detail-from-gazetteer = , from { $gazetteer }
place-source-spelling = no Arabic name in the gazetteers: the source's spelling
detail-arabic-name = the source writes “{ $source }”; Arabic name from the gazetteer, { $from }
detail-governorate-unknown = governorate unknown
detail-district = ; district { $district }
detail-place = { $governorate }; { $located }; { $coordinates }{ $gazetteer }{ $district }
located-exact = located exactly
located-near = located near the place
located-district = located to the district
located-governorate = located to the governorate
located-region = located to a region
located-country = located to the country only
detail-unknown-publisher = unknown publisher
detail-published = published { $date }
detail-published-inferred = published { $date } (inferred from the text)
detail-no-publication-date = publication date not stated
detail-reported-by = reported by
detail-open-source = open source
detail-as-reported = as reported:
detail-id = Id
detail-places = Places
detail-facilities = Facilities
detail-weapons = Weapons
detail-evidence = Evidence
ucdp-event-id = Event id
ucdp-deaths = Deaths low / best / high
ucdp-sides = Side A / side B / civilians / unknown
ucdp-dyad = Dyad
ucdp-type = Type of violence
ucdp-type-1 = 1 state-based
ucdp-type-2 = 2 non-state
ucdp-type-3 = 3 one-sided
ucdp-precision = Precision codes
ucdp-sources = Sources
ucdp-sources-line = { $count ->
    [one] ({ $n } source, { $date })
   *[other] ({ $n } sources, { $date })
}
ucdp-article = Source article
ucdp-headline-as-given = Headline as UCDP writes it

## Vocabulary: facilities

facility-vital-facilities = vital civilian facilities
facility-mosque = mosques
facility-educational = educational facilities
facility-medical = medical facilities
facility-market = markets
facility-residential = residential buildings
facility-military-base = military base
facility-prison = prison
facility-vehicle = vehicle
facility-camp = camp
facility-oil-field = oil field
facility-airport = airport

## About

about-title = About this explorer
about-lead = Documented military incidents in Syria, each traced to the report that documented it. Everything runs in your browser; no data leaves it.
about-data-heading = What the data is — and is not
about-point-figures = Figures are as reported. Sources count differently and disagree: SNHR and SOHR count victims they document; UCDP counts deaths in events it can verify from news reports, with low, best and high estimates. A toll over a period (a "reported figure") is never added to incidents.
about-point-words = Every number keeps the words it was reported in ("over 60", "nearly 25", "several airstrikes") and a qualifier; nothing is rounded or guessed.
about-point-dates = Dates carry a precision (day, a few days, week, month, year, period). On the timeline, events dated more coarsely than a column are spread over the columns they cover and drawn hatched.
about-point-places = Places carry a precision (exact, near, district, governorate, region, country). Coordinates come only from an open gazetteer or from UCDP; where there is none, the event is located to its governorate or region and never given an invented point.
about-point-russia = UCDP codes Russian air support under the Government of Syria: in the UCDP collection there is no Russian side, so filtering by Russian forces finds only the curated reports.
about-point-weapons = UCDP does not record weapons: its events are classed by type of violence (state-based, non-state, one-sided).
about-collections = Collections
about-collection-counts = : { $events } events, { $figures } reported figures, { $sources } sources.
about-version = Version:
about-licence = Licence:
about-problems = { $skipped } records were skipped while loading; { $n } problems and warnings in all (the first 100 below).
about-licences = Licences and attributions
about-licence-ucdp = Data: Uppsala Conflict Data Program (UCDP), ucdp.uu.se, CC BY 4.0.
about-licence-boundaries = Governorate boundaries: UN OCHA / United Nations Cartographic Section (UNCS), via HDX and geoBoundaries
about-licence-boundaries-terms = Licence: CC BY 3.0 IGO. Simplified, coordinates rounded, attributes added. The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.
about-licence-places = Place coordinates: GeoNames (www.geonames.org), CC BY 4.0, partly via Who's On First; airfields: airportsdata (MIT).
about-licence-place-names = Arabic place names: GeoNames (www.geonames.org), CC BY 4.0, via Who's On First (CC0); governorate names: UN OCHA, CC BY 3.0 IGO. A place the gazetteers do not name in Arabic keeps its source's spelling, in italics.
about-licence-reports = Report texts (SOHR, SNHR, Al Jazeera) are quoted as evidence; their publishers are named on every quote.
saved-dev = Offline copy: development builds keep none.
saved-unsupported = Offline copy: this browser cannot keep one (it needs service workers and HTTPS).
saved-saving = Offline copy: being saved in this browser…
saved-version = Offline copy: version { $version }, { $files } files, { $mb } MB, saved in this browser; everything works without a network.
saved-unknown = Offline copy: saved, version unknown.

## Your own file

open-file-region = Your own file
open-file-label = Open your own file:
open-file-hint = An ACLED export, a UCDP GED table, any other table of incidents (CSV or a spreadsheet: you choose its columns) or a collection file. It is read on this device and never uploaded. You can also drop it anywhere on the page.
open-file-drop = Drop the file to open it
cancel = Cancel

## The map

map-unreadable = The map boundaries could not be read.
map-describe = { $name }: { $value } { $metric } ({ $count ->
    [one] { $n } event here is
   *[other] { $n } events here are
} located only to the governorate or district)
map-legend-range = { $from }–{ $to }
map-legend-none = { $metric ->
    [deaths] no deaths
    [civilians] no civilians killed
   *[events] no events
}
map-legend = Map legend
map-legend-circles = events located at or near a place (circle area: number of events within ~10 km)
map-legend-badges = +N: events known only to the governorate, district or region (not drawn as points)
map-unplaced = { $count ->
    [one] { $n } event located only to Syria as a whole is not on the map.
   *[other] { $n } events located only to Syria as a whole are not on the map.
}
map-image = Map of Syria's governorates
map-governorates = Governorates
map-hint = Hover over or focus a governorate to see its value; click it to filter by it.
map-attribution = Governorate boundaries: UN OCHA / United Nations Cartographic Section (UNCS), via HDX and geoBoundaries, CC BY 3.0 IGO; simplified. The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.

## Reported figures

figures-selected = Selected:
figures-unknown = No reported figure has the id “{ $id }”; all figures are shown.
figures-lead = Tallies over a period as published by monitors. They are not incidents and are never added to the incident counts. Definitions differ: SNHR and SOHR count the victims they document; UCDP counts deaths in events it can verify, and codes Russian air support under the Government of Syria, so it has no Russian side.
figures-who = Who says how many
figures-who-lead = Figures from different sources that count the same thing over overlapping periods, areas and actors, and what the event collections in this explorer add up to for the first figure's window, area and actor (events whose dates overlap the period).
figures-counting-rule = How events are counted: agreements, ceasefires and political events (talks, conferences, visits) are never counted as incidents, deaths or attacks, here or anywhere in the explorer. A monitor's count of attacks or massacres is set beside attacks only (strikes, shelling, bombs, ground attacks and UCDP's violence), not beside patrols, convoys, withdrawals, raids or releases. Deaths are best estimates; a subgroup with no figure for its parent counts toward it (three children killed are at least three civilians killed). “Open these events” opens exactly the events counted.
figures-all = All reported figures
figures-col-metric = Metric
figures-col-period = Period
figures-col-area = Area
figures-col-by = By
figures-col-value = Value and wording
figures-col-source = Source and quote
figures-title = { $metric } — { $from } to { $to }, { $area }
figures-citing = , citing
figures-compare = Compare with events
figures-all-actors = All actors
figures-mentions-russia = { $n } cite text mentioning Russia (derived from headline text; not a coded side)
figures-in-events = { $count ->
    [one] in { $n } event
   *[other] in { $n } events
}
figures-beyond-period = { $count ->
    [one] { $n } of them has dates reaching beyond the period (a month or a year that overlaps it) and counts whole
   *[other] { $n } of them have dates reaching beyond the period (a month or a year that overlaps it) and count whole
}
figures-summing = Adding up the events…
figures-open-events = Open these events
figures-sums-caption = Event collections over the same window and area: { $measure }
figures-actor-any-role = Actor (any role)
qual-exact = exactly
qual-at-least = at least
qual-over = over
qual-about = about
qual-nearly = nearly
qual-several = several
qual-unspecified = unspecified
figure-civilians-killed = civilians killed
figure-children-killed = children killed
figure-women-killed = women killed
figure-civilians-injured = civilians injured
figure-children-injured = children injured
figure-women-injured = women injured
figure-massacres = massacres
figure-attacks-on-facilities = attacks on facilities
figure-cluster-munition-attacks = cluster munition attacks
figure-incendiary-attacks = incendiary weapon attacks
figure-chemical-attacks = chemical attacks
figure-barrel-bombs = barrel bombs dropped
figure-nail-missile-attacks = nail-filled missile attacks
figure-guided-missile-attacks = guided missile attacks
figure-medical-personnel-killed = medical personnel killed
figure-civil-defence-killed = civil defence personnel killed
figure-media-workers-killed = media workers killed
figure-displaced = people displaced
figure-attacks = attacks
measure-civilians-killed = civilians killed (best estimates)
measure-children-killed = children killed (best estimates)
measure-women-killed = women killed (best estimates), in the events that killed civilians
measure-medical-personnel-killed = events that killed civilians (the collections do not count medics, rescuers or journalists apart)
measure-civil-defence-killed = events that killed civilians (the collections do not count medics, rescuers or journalists apart)
measure-media-workers-killed = events that killed civilians (the collections do not count medics, rescuers or journalists apart)
measure-civilians-injured = events with people injured (the collections do not count the injured)
measure-children-injured = events with people injured (the collections do not count the injured)
measure-women-injured = events with people injured (the collections do not count the injured)
measure-massacres = attacks that killed civilians (a massacre, as monitors count it, is one that killed several; the collections do not mark them)
measure-chemical-attacks = chemical attacks
measure-barrel-bombs = barrel-bomb attacks (events, not bombs dropped)
measure-guided-missile-attacks = guided-missile attacks
measure-attacks = attacks
measure-attacks-on-facilities = attacks of any kind (the collections do not record the facility hit or the munition)
measure-cluster-munition-attacks = attacks of any kind (the collections do not record the facility hit or the munition)
measure-incendiary-attacks = attacks of any kind (the collections do not record the facility hit or the munition)
measure-nail-missile-attacks = attacks of any kind (the collections do not record the facility hit or the munition)
measure-displaced = incidents (the collections do not count the displaced)
rows-count = { $count ->
    [one] { $n } row
   *[other] { $n } rows
}
records-count = { $count ->
    [one] { $n } record
   *[other] { $n } records
}

## Your data

your-data-title = Your data ({ $n })
your-data-note = Read on this device; nothing was uploaded. Kept on this device, for this site only, until you remove it.
your-data-counts = { $read } read, { $skipped } skipped, { $warned } with warnings; { $events }
your-data-details = { $format } · { $size } · opened { $when }
your-data-problems = { $count ->
    [one] { $n } problem
   *[other] { $n } problems
}
your-data-first-shown = The first { $shown } are shown; the download has all { $total }.
your-data-not-listed = { $n } more problems were found and not listed: the file has a problem on most rows.
your-data-download-problems = Download the problem list (CSV)
your-data-save-title = Every event read from this file, as a collection file of this app
your-data-save = Save as collection (JSON)
saving = Saving… { $percent }%
your-data-remove = Remove
problem-left-out = left out:
problem-kept = kept:
problem-row = row { $row }

## A link that shows a file this device lacks

link-missing-several = They are not on this device. Open the same files here
link-missing-one = It is not on this device. Open the same file here
link-still-several = The link's files are still missing.
link-still-one = The link's file is still missing.
link-open-several = Open one of these files…
link-open-one = Open this file…
link-other-before = You opened
link-other-middle = , which is not a file this link shows (it became the collection “
link-other-after = ”).
link-files-region = Files this link shows
link-see = { $missing } to see the link's view, its filters included; a file is read on this device and never uploaded.
dismiss = Dismiss
link-sha-starting = SHA-256 starting
link-collection = collection
link-counts = { $rows } read, { $events };
link-shows = This link shows
link-shows-after = , a file opened on another device.
link-shows-unnamed = This link shows a file opened on another device

## When the data cannot be loaded

error-title = The data could not be loaded
error-problems = { $count ->
    [one] { $n } problem:
   *[other] { $n } problems in all; the first ones:
}
try-again = Try again

## The mapping step

map-title = Choose the columns of
mapping-hint = This table is not an ACLED or UCDP export: say which column holds what. The guess below comes from the column names and the first rows.
map-not-in-table = — not in this table —
map-guessed-from = Guessed from “{ $value }” in the first rows: check it.
map-date-order = How are dates like 03/04/2019 written?
map-sheet = Sheet
map-first-rows = { $count ->
    [one] The first row
   *[other] The first { $n } rows
}
map-open = Open with these columns
date-order-ymd = year, month, day
date-order-dmy = day/month/year: 03/04/2019 is 3 April 2019
date-order-mdy = month/day/year: 03/04/2019 is 4 March 2019
map-field-id = Row id
map-field-date = Date (or start date)
map-field-end-date = End date
map-field-place = Place
map-field-governorate = Governorate
map-field-district = District
map-field-latitude = Latitude
map-field-longitude = Longitude
map-field-actor1 = Perpetrator (actor 1)
map-field-actor2 = Target or other side (actor 2)
map-field-kind = Type of incident
map-field-deaths = Deaths (one number or best estimate)
map-field-deaths-low = Deaths, low estimate
map-field-deaths-high = Deaths, high estimate
map-field-civilians = Civilians killed
map-field-summary = Description (quoted)
map-field-source = Source (reported by)

## What a link asked that was ignored or changed (the URL codec's notices)

notice-invalid = “{ $param }={ $value }” is not { $expects }; ignored
notice-unknown-param = Unknown parameter “{ $param }” was ignored
notice-repeated-list = “{ $param }” was given { $n } times; the values were combined
notice-repeated-last = “{ $param }” was given { $n } times; the last one was used
notice-swapped = “from={ $from }” was after “to={ $to }”; the two dates were swapped
notice-too-long = “{ $param }” was longer than { $limit } bytes; ignored
notice-search-cut = The search text was longer than { $limit } bytes and was cut
notice-more = { $n } more problems with the address were ignored
notice-no-page = There is no page { $asked }: the list has { $count ->
    [one] { $n } page
   *[other] { $n } pages
}, and the last is shown
notice-no-event-has = No loaded event has { $expects } { $values }; ignored
notice-no-collection = No collection { $named } is loaded (loaded: { $loaded }); ignored
notice-no-collection-file = No collection { $named } is loaded (loaded: { $loaded }); ignored. A “file-” collection is a file opened on another device: open the same file here to see this view
expects-lang = a language of the interface (ar or en)
expects-view = a view (list, figures, map or about)
expects-c = a collection id
expects-file = a file (collection id:rows:events:name)
expects-from = a date (YYYY-MM-DD)
expects-to = a date (YYYY-MM-DD)
expects-dates = a way of matching dates (within or overlap)
expects-actor = an actor
expects-role = an actor role (perpetrator or any)
expects-party = an actor name
expects-type = an event type
expects-district = a district
expects-place = a place
expects-source = a source
expects-kind = an event kind
expects-gov = a governorate
expects-pub = a publisher
expects-cas = a casualty filter (killed, civilians, children or injured)
expects-q = a search text
expects-sort = a sort order
expects-metric = a metric (events, deaths or civilians)
expects-by = an interval (week or month)
expects-stack = a stacking setting (0 or 1)
expects-table = a chart (timeline, actor, kind, gov, composition or map)
expects-sel = an event id
expects-page = a page number (from 1)

# Adding a file the worker read to the explorer (src/ui/adding.rs)
adding-label = Adding { $name }
adding-waiting = Waiting for the bundled collections to load, then { $name } is added
adding-checking = Checking { $name }: { $percent }%
adding-building = Building the explorer's table for { $name }: { $percent }%

## File import and checking
notice-stray-percent = “{ $param }” contains a “%” that does not start an escape; it was read as typed
notice-not-utf8 = “{ $param }” contains bytes that are not UTF-8 text; they were replaced by “�”
notice-list-cut = A link holds at most { $limit } bytes of “{ $param }” values; { $n } were left out
# Why a file cannot be read at all (core::import::ImportError)
import-empty = The file is empty.
import-header-only = The file has a header row but no rows of incidents under it.
import-binary = This is not a text file: it holds NUL bytes, which no table saved as text has (UTF-8, UTF-16 with its byte order mark, Windows-1256 or Windows-1252). Open it in the program that made it and save it as CSV.
import-missing-columns = This looks like { $format }, but its header lacks the { $count ->
        [one] column
       *[other] columns
    } { $columns }.
import-unreadable = The CSV cannot be read at row { $row }: { $reason }.
import-unsupported = This looks like { $format }, whose columns must be chosen first: open it in the app's page, which shows them; here only ACLED exports and UCDP GED tables are read.
import-invalid-id = The collection id “{ $id }” cannot be used (1 to 200 letters, digits, “.”, “_” or “-”).
import-read = The file could not be read: { $reason }.
import-shapes = The governorate outlines could not be read, so no file can be placed in them: { $reason }.
import-not-a-table = This looks like { $what }, not a table of incidents.
import-json-list = This looks like a JSON list, not a collection file (a JSON object with schema_version, collection, sources and events) or a table of incidents.
import-utf16 = This file is UTF-16 text: save it as UTF-8 CSV to import it.
looks-pdf = a PDF document
looks-png = a PNG image
looks-jpeg = a JPEG image
looks-gif = a GIF image
looks-gzip = a gzip-compressed file (unpack it first)
looks-7z = a 7-Zip archive (unpack it first)
looks-rar = a RAR archive (unpack it first)
looks-sqlite = an SQLite database
looks-parquet = a Parquet file
looks-old-office = an old-format Office document (.doc or .ppt)
looks-word = a Word document
looks-powerpoint = a PowerPoint presentation
looks-zip = a ZIP archive (unpack it and open the table inside)
looks-html = a web page (HTML)
looks-xml = an XML document
looks-rtf = a rich text (RTF) document
looks-plain-text = plain text
format-collection = a collection file of this app
format-acled = an ACLED export
format-ucdp = a UCDP GED table
format-other-csv = a CSV table
format-spreadsheet = a spreadsheet workbook
workbook-no-sheet = This workbook has no sheet of cells (only charts, or no sheet at all).
workbook-no-such-sheet-none = This workbook has no sheet named “{ $name }”: it has no sheet of cells.
workbook-no-such-sheet-one = This workbook has no sheet named “{ $name }”: its only sheet is { $only }.
workbook-no-such-sheet-many = This workbook has no sheet named “{ $name }”: its sheets are { $init } and { $last }.
workbook-password = This workbook is protected with a password, so it cannot be read: open it in its spreadsheet app, save a copy without the password and open that.
workbook-old-office = This is an old-format Office file, but not a spreadsheet workbook (a Word or PowerPoint file?).
workbook-not-one = This is not a spreadsheet workbook: .xlsx, .xlsb, .ods and .xls workbooks can be read.
workbook-zip-without = This is a ZIP archive, but it holds no spreadsheet workbook (.xlsx, .xlsb or .ods).
# How a table was read, and what it was read as (the mapping step, "Your data")
reading-text = { $encoding }
reading-semicolons = { $encoding }, separated by semicolons
reading-tabs = { $encoding }, separated by tabs
reading-commas = { $encoding }, separated by commas
reading-sheet = Sheet “{ $sheet }”, header in row { $row }
summary-format-acled = ACLED export (CSV)
summary-format-ucdp = UCDP GED (CSV)
summary-format-collection = Collection (JSON)
summary-format-csv-table = CSV table, columns chosen
summary-format-sheet = Spreadsheet, sheet “{ $sheet }”, columns chosen
# What the mapping step still lacks (core::import::table_mapping::Mapping::missing)
mapping-missing-date = Choose the column that holds the date.
mapping-missing-order = Choose how the dates are written: day/month/year or month/day/year.
mapping-missing-coordinates = Choose both latitude and longitude, or neither.
mapping-missing-where = Choose where: a place, a governorate, a district or coordinates.
mapping-no-such-column = { $field } names a column the table does not have.
mapping-column-twice = One column is chosen for both { $first } and { $second }.
# A row's problems (row N / column / value: what is wrong)
problem-id-not-in-link = cannot be part of a link: an id is letters, digits, “:”, “.”, “_” or “-”
problem-same-id = the same id as row { $first }; this row was skipped
problem-no-description = no description: the citation names the type and place instead of a quote
problem-before-start = before the start date { $start }
problem-governorate-placed = not a Syrian governorate's name; placed in { $governorate } by its coordinates
problem-governorate-unknown = not a Syrian governorate's name: kept without a governorate (said once per name)
problem-no-place = no place: the place, governorate, district and coordinates are all empty
problem-swapped-coordinates = latitude and longitude look swapped; kept as written, without a point on the map
problem-outside-syria-map = outside Syria: kept without a point on the map, which shows Syria only
problem-above-higher = above the higher estimate beside it ({ $higher })
problem-no-best = a low or high estimate without a best one: kept with the record, but totals add best estimates only, so this row adds no deaths to them
problem-more-civilians = more civilians killed than people killed ({ $total }): kept, check it
problem-milestone-deaths = an agreement is a milestone: its deaths are kept but never counted
problem-far-too-many-people = far too many people for one event (more than 4,294,967,295): check the value
problem-many-killed = more than { $limit } killed in one event: kept, but check the value, it weighs on every total
problem-negative-people = a negative number of people
problem-not-whole-people = not a whole number of people
problem-not-utf8 = not UTF-8 text
problem-required = required, but empty
problem-not-degrees = not a number of degrees
problem-unclosed-quote = a quote opened in this row is never closed, so the rest of the file was read into it; the row was skipped
problem-field-count = { $n } fields where the header has { $header }; the row was skipped
problem-field-count-break = { $n } fields where the header has { $header } (a field runs across a line break: a quote may be missing or extra); the row was skipped
# The page's messages about opening a file (src/ui/open_file.rs, src/ui/import_client.rs, the worker)
open-interrupted = Reading { $earlier } was stopped: { $name } was opened instead.
open-failed = { $name } could not be opened. { $reason }
open-reading-cancelled = Reading the file was cancelled.
open-cancelled = Opening the file was cancelled.
open-reader-stopped = The file reader has stopped.
open-several-dropped = { $n } files were dropped; only { $name } is being opened. Open the others one at a time.
open-reading = Reading { $name }
reader-cannot-start = This browser could not start the file reader (a Web Worker).
reader-not-handed = The file could not be handed to the file reader.
reader-stopped-error = The file reader stopped with an error: { $reason }
reader-choice-not-written = The choice could not be written: { $reason }
reader-unreachable = The file reader could not be reached.
reader-not-understood = The file reader sent a message this page does not understand ({ $reason }).
worker-not-understood = The import worker did not understand the page ({ $reason }).
worker-not-a-file = The import worker was sent something that is not a file.
worker-nothing-waiting = The import worker has no file waiting; open it again.
worker-sheet-unusable = The sheet “{ $sheet }” cannot be used: { $reason }
worker-not-handed-over = The file was read but could not be handed over: { $reason }
worker-no-file-reader = This browser cannot read files in a worker.
worker-not-checked = The file was read, but the worker checking it stopped ({ $reason }).
worker-not-handed-to-page = The file was read but could not be handed to the page.
blob-not-read = The collection read from the file could not be read back from the browser ({ $detail }).
# Adding a file, keeping it on the device, saving it (src/ui/app.rs, src/ui/adding.rs, src/ui/device_store.rs)
adding-id-open = A collection with the id “{ $id }” is open already ({ $open }), so { $name } was not added
adding-not-opened = This file could not be opened
adding-not-opened-because = This file could not be opened: { $problem }
adding-bundled-failed = { $name } was not added: the bundled collections could not be loaded. Try again, then open the file again.
adding-files-changed = { $name } was not added: the open files changed while it was being added. Open it again.
adding-read-again = { $name } was read again, as chosen now; the earlier reading of it was replaced.
adding-not-kept = { $name } is open, but could not be kept on this device: { $reason }. It will be gone after a reload.
removed-not-forgotten = The file was removed from this page, but this device could not forget it: { $reason }
save-still-loading = the page is still loading
save-not-open = it is not open any more
save-not-written = { $reason }
save-not-offered = { $reason }
save-failed = The collection could not be saved: { $reason }.
kept-data-gone = { $name } was kept on this device, but its data is gone; open it again.
kept-not-read = { $name } was kept on this device, but could not be read ({ $reason }); open it again.
kept-stored-damaged = its kept copy is damaged or incomplete: { $detail }
kept-id-open = { $name } was kept on this device, but a collection with its id is open already.
kept-not-reopened = { $name } was kept on this device but could not be reopened; open it again.
kept-not-reopened-because = { $name } was kept on this device but could not be reopened ({ $problem }); open it again.
store-too-large = this version keeps files of up to { $limit } MB on the device, and this one is { $size } MB
store-too-large-to-reopen = it is larger than the { $limit } MB this version reopens
store-index-not-written = the list of kept files could not be written ({ $reason })
store-index-damaged = the list of kept files is damaged ({ $reason })
store-no-window = no window
store-form-not-made = the browser would not hold the copy to keep
store-not-in-this-mode = this browser keeps no files for pages in this mode ({ $reason })
store-no-room = there is no room left for it on this device ({ $detail })
store-browser-error = { $name }: { $detail }
store-browser-said = { $detail }
store-unknown-error = an unknown error
# The events' CSV export: its comment lines, after the rows (src/core/export.rs)
export-csv-holds = Syria Incident Explorer: { $count ->
        [one] 1 event, the filtered view
       *[other] { $n } events, the filtered view
    }
export-csv-columns = The column names are stable English identifiers (id, date_start, deaths_best…), the same in every language of the interface, so that scripts read every export alike.
# A row's problems: dates and the ACLED importer's (src/core/import/acled.rs, acled_fields.rs, table_mapping.rs, src/core/date.rs)
problem-not-iso-date = not a date of the form YYYY-MM-DD
problem-no-month = month { $month } does not exist
problem-no-day = { $month } has no day { $day }
problem-year-before = the year { $year } is before { $first }, probably a typo
problem-year-before-guess = the year { $year } is before { $first }, probably a typo for { $guess }
problem-year-after = the year { $year } is after { $next }, probably a typo
problem-not-a-table-date = not a date (write 2019-03-04, 04/03/2019 or 4 March 2019)
problem-two-digit-year = “{ $year }” is not a four-digit year: write the year in full
problem-order-unknown = day and month cannot be told apart: choose the order of the dates
problem-no-such-month = there is no month { $month }: is the order of day and month right?
problem-acled-slashes = day and month cannot be told apart in a date with slashes; write 2023-01-31 or 31 January 2023
problem-acled-not-a-date = not a date of the form 2023-01-31 or 31 January 2023 (as ACLED writes it)
problem-acled-year = differs from the year of event_date ({ $day }), which is kept
problem-acled-no-time-precision = no time_precision: read as the exact day
problem-one-two-three = must be 1, 2 or 3
problem-acled-event-type = not one of ACLED's six event types: its actors are participants
problem-acled-sub-event-type = not one of ACLED's sub-event types: grouped under Other
problem-far-too-many-fatalities = far too many fatalities for one event (more than 4,294,967,295): check the value
problem-many-fatalities = more than { $limit } fatalities in one event: kept, but check the value, it weighs on every total
problem-negative-fatalities = a negative number of fatalities
problem-too-many-fatalities = far too many fatalities for one event: check the value
problem-not-whole-fatalities = not a whole number of fatalities
problem-milestone-fatalities = an agreement is a milestone: its fatalities are kept but never counted
problem-acled-no-notes = no notes: the citation names the sub-event type and place instead of a quote
problem-acled-no-geo-precision = no geo_precision: read as 3, a larger region (so no point on the map)
problem-governorate-nowhere = not a Syrian governorate's name, and the coordinates lie in none: kept without a governorate
problem-acled-other-country = outside Syria: this country's rows are kept and count in every total; tick governorates to leave them out (said once per country)
problem-outside-syria-placed = outside Syria although the row places it there; kept without a point on the map

## Phone, touch and keyboard
timeline-touch-hint = Swipe to scroll the timeline. Tap a column, then another, to choose dates.
timeline-touch-start = From { $period }: tap another column for the end, or the same one for { $period } alone.

# --- ownfile helper (session 26) ---
map-header-row = The column names were taken from row { $row }.
map-header-skipped = { $count ->
    [one] The row above it is not read.
   *[other] The { $n } rows above it are not read.
}
map-header-choice = Row of column names
map-header-option = Row { $row }: { $text }
worker-header-unusable = That row cannot name the columns: { $reason }
workbook-too-wide = The sheet “{ $sheet }” has a cell in { $cell }, beyond column { $last }, the last that can be read here: delete what is in the far columns (or save the table as CSV) and open it again.
workbook-too-spread = The sheet “{ $sheet }” spreads its { $cells } filled cells from { $from } to { $to }, a grid too large to read here: delete the far cells (the last is { $to }), or save the table as CSV, and open it again.
kept-unfinished = { $name } was still being kept on this device when the page was closed or reloaded, so it was not kept completely: open it again to keep it.
problem-governorate-unknown-rows = not a Syrian governorate's name ({ $rows ->
        [one] 1 row
       *[other] { $rows } rows, said once, at the first
    }): { $placed ->
        [0] kept without a governorate
       *[other] { $unplaced ->
            [0] placed in a governorate by { $rows ->
                [one] its
               *[other] their
            } coordinates
           *[other] { $placed } placed in a governorate by their coordinates, { $unplaced } kept without one
        }
    }

# --- arabic helper (session 26) ---
# The UCDP importer's problems (src/core/import/ucdp*.rs) and the shared row checks (csv_rows.rs)
problem-ucdp-before-start = before date_start { $start }
problem-ucdp-best-outside = outside low..high ({ $low }..{ $high }); kept as UCDP publishes it
problem-ucdp-best-not-sum = not the sum of deaths_a, deaths_b, deaths_civilians and deaths_unknown; kept as UCDP publishes it
problem-ucdp-no-headline = no source_headline or source_article: the citation names the sides and place instead of a quote
problem-ucdp-unknown-group = a group this app does not know from UCDP's Syria file: grouped under “{ $label }” (later rows that name it are not warned)
problem-ucdp-adm1-unknown = not one of Syria's 14 governorates: the governorate comes from the coordinates
problem-ucdp-nearest = outside every governorate, { $degrees } degrees from the nearest: given { $governorate }
problem-ucdp-abroad = outside Syria: kept without a governorate or a point on the map, which shows Syria only (later rows in this country are not warned)
problem-ucdp-over-limit = too large a number (more than 4,294,967,295): check the value
problem-ucdp-over-limit-deaths = too large a number of deaths (more than 4,294,967,295): check the value
problem-ucdp-negative = a negative number
problem-ucdp-negative-deaths = a negative number of deaths
problem-ucdp-too-large = too large a number: check the value
problem-ucdp-too-large-deaths = too large a number of deaths: check the value
problem-ucdp-not-whole = not a whole number
problem-ucdp-not-whole-deaths = not a whole number of deaths
problem-ucdp-too-large-column = too large a number for this column
problem-one-to = must be 1 to { $last }
problem-ucdp-not-a-date = not a date of the form 2019-11-30 (a time of day after it, 2019-11-30 00:00:00.000, is allowed)
problem-ucdp-dyad-changed = this dyad was first seen with another name, conflict or sides; the row was skipped
problem-too-many-parties = too many parties; the row was skipped
problem-too-many-dyads = too many dyads; the row was skipped
problem-text-too-long = text of { $n } bytes is longer than the { $max } allowed
problem-degrees-range = not between -{ $limit } and { $limit } degrees
# The collection checker's problems (src/core/validate.rs, src/core/validate/steps.rs)
problem-collection-not-object = the file is { $kind }, not a JSON object with schema_version, collection, sources and events; it was rejected
problem-kind-null = null
problem-kind-bool = true or false
problem-kind-number = a number
problem-kind-string = a string
problem-kind-array = an array
problem-kind-object = an object
problem-collection-loaded = the collection “{ $id }” is already loaded from { $first }
problem-identity-ucdp = UCDP event { $id }
problem-identity-acled = ACLED event { $id }
problem-same-event-loaded = the same { $identity } is loaded already from { $first }; only that one is counted
problem-id-loaded = the id is already used by a record of { $first }; only that one is shown
problem-id-unusable = “{ $id }” is not a usable id: 1 to { $max } letters, digits, “:”, “.”, “_” or “-”, so that a link can name it
problem-id-used-earlier = the id is already used by an earlier record ({ $first })
problem-id-prefix = does not start with the collection id “{ $collection }:”, so it may clash with another collection's ids
problem-source-no-id = a source needs an id for events to cite
problem-quoted = “{ $value }”: { $why }
problem-url-not-web = “{ $url }” is not an http(s) address; it is shown as text, not as a link
problem-event-no-place = an event needs at least one place
problem-no-party-index = no party has the index { $index }
problem-low-above-high = low { $low } is above high { $high }, as published
problem-no-dyad-index = no dyad has the index { $index }
problem-field-missing = required field is missing
problem-field-unreadable = { $reason }
problem-not-json = the file is not valid JSON, so it was rejected: { $reason }{ $hint ->
    [nan] {" "}(NaN and Infinity are not JSON numbers: leave the field out or write a number)
    [deep] {" "}(arrays or objects are nested more than 128 levels deep)
    [eof] {" "}(the file ends too early: it may have been cut off)
   *[none] {""}
}
problem-not-json-near = the file is not valid JSON, so it was rejected: { $reason }, near “{ $near }”{ $hint ->
    [nan] {" "}(NaN and Infinity are not JSON numbers: leave the field out or write a number)
    [deep] {" "}(arrays or objects are nested more than 128 levels deep)
    [eof] {" "}(the file ends too early: it may have been cut off)
   *[none] {""}
}
problem-unknown-field = unknown field, ignored (is its name misspelt?)
problem-more-unknown-fields = { $n } more unknown fields were ignored
problem-more-problems = { $n } more problems were found and not listed (only the first { $max } are)
problem-ends-before-start = ends ({ $end }) before it starts ({ $start })
problem-coordinates-outside = coordinates { $lat }, { $lon } (latitude, longitude) are outside Syria ({ $lat_min } to { $lat_max } N, { $lon_min } to { $lon_max } E)
problem-coordinates-together = latitude and longitude must be given together
problem-no-citation = every record needs at least one citation
problem-source-skipped = “{ $source }” is a source that was skipped (see its problem)
problem-source-not-here = “{ $source }” is not a source of this file
problem-quote-empty = the quote is empty
problem-version-unsupported = version { $version } is not supported; this app reads version { $supported }, so the file was rejected
problem-version-not-number = must be the number { $supported }, not { $kind }; the file was rejected
problem-version-missing = missing; this app reads files with "schema_version": { $supported }, so the file was rejected
problem-array-sources = sources
problem-array-events = events
problem-array-figures = reported figures
problem-not-an-array = must be an array of { $what }, not { $kind }; the file was rejected
problem-array-missing = missing; a collection needs an array of { $what }, so the file was rejected
problem-file-rejected = { $why }; the file was rejected
problem-header-invalid = { $why }; the collection header is not valid, so the file was rejected
problem-not-collection-id = “{ $id }” is not a collection id (1 to { $max } letters, digits, “.”, “_” or “-”); the file was rejected
problem-source-id-twice = another source of this file already has this id
problem-not-a-figure-here = “{ $figure }” is not a figure of this file
# A text file's encoding, in "how the table was read" (src/core/import/text_decoding.rs)
encoding-plain = { $id }
encoding-little-endian = { $id } (little-endian)
encoding-big-endian = { $id } (big-endian)
encoding-arabic = { $id } (Arabic)
encoding-western = { $id } (Western European)
# Why the bundled data could not be loaded (src/ui/loader.rs)
load-network = Could not download { $file }: { $reason }
load-status = The server answered { $status } for { $file }
load-rejected = { $file } was rejected
load-rejected-any = The dataset was rejected
# An open record that gives no casualties (src/ui/event_detail.rs)
detail-casualties-none = The source gives no number of casualties (counted as 0 in the sums)
# A reported figure that counts the whole country (src/ui/figures_view.rs)
figures-area-syria = Syria
# Words an earlier version kept on the device in English only, shown as written (src/core/import/message.rs)
import-as-written = { $reason }
# A collection file's record without a valid id, named by its kind and place in the file (src/core/validate.rs)
record-source = source
record-event = event
record-figure = figure
record-at = { $what } #{ $n }
record-at-id = { $what } #{ $n } (id “{ $id }”)
