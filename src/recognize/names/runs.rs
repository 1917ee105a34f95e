//! Runs of capitalized words, with the connectors inside names, cut at titles and
//! honorifics.

use super::*;

/// Honorifics that are also official titles ("Gov.", "Sen.", "Gen.").
const OFFICIAL_RANKS: &[&str] = &[
    "gov", "sen", "rep", "gen", "col", "adm", "maj", "capt", "lt", "sgt", "supt", "insp",
];

/// If connector words at `end` continue the run `start..end`, the new end.
fn connector(doc: &Document<'_>, start: usize, end: usize, blocked: &[bool]) -> Option<usize> {
    let lex = lexicons();
    let n = doc.tokens.len();
    if end >= n || doc.tokens[end].line_before {
        return None;
    }
    let cap_after = |k: usize| is_cap(doc, k) && !blocked[k] && !doc.tokens[k].line_before;
    let w = doc.word(end);
    let prev = doc.word(end - 1);
    if PARTICLES.contains(&w) && cap_after(end + 1) {
        return Some(end + 2);
    }
    if matches!(w, "of" | "for" | "on") {
        // After a title only a title continues ("Secretary of State"), not "Chairman
        // of the Centre", which is a title and then an organization.
        let title_goes_on = lex.is_title(prev)
            && cap_after(end + 1)
            && lex.is_title(&format!("{prev} {w} {}", doc.word(end + 1)));
        let opens = lex.is_org_head(prev)
            || lex.is_org_suffix(prev)
            || lex.is_event_head(prev)
            || title_goes_on
            || lex.is_place_type(prev) && prev.chars().next().is_some_and(char::is_uppercase)
            // "Centre for Control of Iodine Deficiency Disorders"
            || w == "of" && has_org_head(doc, start, end);
        // "Harvo Freight Group of Denver": a company and its town, not one name
        // (but "Bank of England", with an institution noun, is one).
        let town_after = !lex.is_org_head(prev) && cap_after(end + 1) && {
            let name = doc.slice(end + 1, caps_end(doc, end + 1));
            lex.gazetteer(name).is_some() || lex.place(name).is_some()
        };
        // "Vardby State University of the US": a name holding a place already is not
        // continued by another ("Bank of the Vardby Islands" is).
        let the = usize::from(doc.is(end + 1, "the"));
        let place_again = w == "of"
            && cap_after(end + 1 + the)
            && lex
                .place(doc.slice(end + 1 + the, caps_end(doc, end + 1 + the)))
                .is_some()
            && (start..end).any(|j| {
                lex.place(doc.word(j)).is_some()
                    || lex.gazetteer(doc.word(j)).is_some_and(|g| g.is_state)
                    || doc.is(j, "of")
            });
        // "The Electoral Commission on Thursday said": a day or month after "on" is a
        // date, not the rest of the name.
        let date_after = w == "on"
            && end + 1 < n
            && (lex.weekday(doc.word(end + 1)).is_some() || lex.month(doc.word(end + 1)).is_some());
        if (opens && w != "on" || lex.is_org_head(prev))
            && !town_after
            && !place_again
            && !date_after
        {
            if cap_after(end + 1) {
                return Some(end + 2);
            }
            if doc.is(end + 1, "the") && cap_after(end + 2) && w != "on" {
                return Some(end + 3);
            }
        }
        return None;
    }
    if w == "&" && cap_after(end + 1) {
        return Some(end + 2);
    }
    // "People's Party", "Governors' Association": a possessive inside an institution's name.
    let common_noun = lex.is_english_word(prev)
        && !lex.is_surname(prev)
        && !lex.is_given_name(prev)
        && !lex.is_org_suffix(prev)
        && !lex.is_org_head(prev);
    if doc.tokens[end].kind == TokenKind::Possessive && common_noun && cap_after(end + 1) {
        let last = doc.word(caps_end(doc, end + 1) - 1);
        if lex.is_org_head(last) || lex.is_org_suffix(last) {
            return Some(end + 2);
        }
    }
    if w == "-"
        && !doc.tokens[end].space_before
        && cap_after(end + 1)
        && !doc.tokens[end + 1].space_before
    {
        return Some(end + 2);
    }
    // "Council on Vardbian - Harvo Relations": a spaced hyphen inside an institution's name.
    if w == "-" && cap_after(end + 1) && has_org_head(doc, start, end) {
        return Some(end + 2);
    }
    // "Mr. Smith", "T. Ray Holm": the full stop of an honorific or an initial.
    let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
    if w == "."
        && !doc.tokens[end].space_before
        && (lex.is_honorific(prev) || initial || prev == "St")
        && cap_after(end + 1)
    {
        return Some(end + 2);
    }
    if w == "and" && cap_after(end + 1) && doc.word(end + 1) != "The" {
        let tail = caps_end(doc, end + 1);
        // "Energy and Water Regulatory Board": common words coordinated inside
        // one name; "Brantwell Vossberg and Harvo Group" are two names.
        // ("Vardbian Fisheries and Water Service", "Energy and Water Services
        // Inspector Tom Reyes": a country before, a title after.)
        // ("Securities and Exchange Commission": an institution noun closes it too, after
        // one common word that names no organization of its own.)
        let first = start + usize::from(doc.word(start) == "The");
        let one_common_word = end == first + 1 && lex.known_name(prev).is_none();
        let last_word = doc.word(tail - 1);
        let closes_org = ((end + 1..tail).any(|j| lex.is_org_suffix(doc.word(j)))
            && !has_org_suffix(doc, start..end)
            || one_common_word
                && tail - (end + 1) >= 2
                && (lex.is_org_head(last_word) || lex.is_org_suffix(last_word)))
            && (start..end).all(|j| {
                let w = doc.word(j);
                lex.is_english_word(w) || j + 1 < end && lex.place(w).is_some()
            });
        // "Ministry of Trade and Industry" is one name; "Institute of Technology and
        // Lakeside State University" are two.
        // ("Institute for Science and International Security" stays one.)
        let last = doc.word(tail - 1);
        // ("Department of Fisheries and Coastal Services" too: common words before "Services".)
        let new_institution = tail - (end + 1) >= 2
            && (lex.is_org_head(last)
                || lex.is_org_suffix(last)
                    && (end + 1..tail - 1).any(|j| !lex.is_english_word(doc.word(j)))
                || has_org_head(doc, end + 1, tail));
        if (has_org_head(doc, start, end) && !new_institution) || closes_org {
            return Some(end + 2);
        }
        return None;
    }
    // "Ministry of Health, Labour, and Welfare"
    if w == "," && has_org_head(doc, start, end) {
        let mut k = end;
        while doc.is(k, ",") && cap_after(k + 1) {
            k = caps_end(doc, k + 1);
        }
        let k = if doc.is(k, ",") { k + 1 } else { k };
        if (doc.is(k, "and") || doc.is(k, "&")) && cap_after(k + 1) && k > end + 1 {
            return Some(k + 2);
        }
    }
    None
}

/// Runs of capitalized words, with the connectors inside names.
pub(super) fn cap_runs(doc: &Document<'_>, blocked: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !is_cap(doc, i) || blocked[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        // A name never runs into the next sentence ("… in Vardby D.C. The team …").
        let sentence_end = doc.sentences[doc.sentence_of(start)].tokens.end;
        loop {
            if end >= sentence_end {
                break;
            }
            // "… Ana Lopes Image: Tom Reyes": a caption's label word ends the name, and so
            // does a date ("VARDBY June 8").
            let label = doc.is(end + 1, ":")
                && matches!(
                    doc.word(end),
                    "Image"
                        | "Photo"
                        | "Picture"
                        | "Video"
                        | "Source"
                        | "Credit"
                        | "File"
                        | "Caption"
                )
                || lexicons().month(doc.word(end)).is_some()
                    && doc
                        .tokens
                        .get(end + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number);
            if is_cap(doc, end) && !blocked[end] && !doc.tokens[end].line_before && !label {
                end += 1;
            } else if let Some(next) = connector(doc, start, end, blocked) {
                end = next;
            } else {
                break;
            }
        }
        // "6th Fleet", "1st Cavalry Division": a unit's ordinal belongs to its name.
        let ordinal = start > 0
            && !blocked[start - 1]
            && is_ordinal_numeral(doc.word(start - 1))
            && (start..end).any(|j| lexicons().is_org_suffix(doc.word(j)));
        runs.push(if ordinal { start - 1 } else { start }..end);
        i = end;
    }
    runs
}

/// "1st", "22nd", "6th".
fn is_ordinal_numeral(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// Cuts a run at honorifics and capitalized titles.
pub(super) fn split_run(doc: &Document<'_>, run: Range<usize>) -> Vec<Piece> {
    let lex = lexicons();
    let mut pieces = Vec::new();
    // "Republican Tom Reyes", "Socialist Nina Olsen": a party's adjective before a
    // personal name is no part of it.
    let rest = run.start + 1..run.end;
    if PARTY_ADJECTIVES.contains(&doc.word(run.start)) && reads_as_personal_name(doc, &rest) {
        pieces.push(Piece::Name {
            range: run.start..run.start + 1,
            forced: None,
        });
        pieces.push(Piece::Name {
            range: rest,
            forced: Some((EntityKind::Person, "person:after-party")),
        });
        return pieces;
    }
    let mut j = run.start;
    while j < run.end {
        if lex.is_honorific(doc.word(j)) && j + 1 < run.end {
            // "Lt. Gen. Ana Ruiz": every honorific and its full stop go.
            let mut name_start = j + 1;
            while name_start < run.end
                && (doc.is(name_start, ".") || lex.is_honorific(doc.word(name_start)))
            {
                name_start += 1;
            }
            let name = name_start..run.end;
            if person_like(doc, &name) {
                if j > run.start {
                    pieces.push(Piece::Name {
                        range: run.start..j,
                        forced: None,
                    });
                    // "Ohio Gov. Tom Reyes": an official rank after a place or
                    // an organization is a title there.
                    if OFFICIAL_RANKS.contains(&doc.word(j).to_lowercase().as_str()) {
                        pieces.push(Piece::Title(j..name.start));
                    }
                }
                pieces.push(Piece::Name {
                    range: name,
                    forced: Some((EntityKind::Person, "person:honorific")),
                });
                return pieces;
            }
        }
        if let Some(title) = title_at(doc, j, run.end) {
            let capitalized = (title.clone()).all(|k| {
                doc.tokens[k].kind != TokenKind::Word
                    || doc.word(k).chars().next().is_some_and(char::is_uppercase)
                    || matches!(doc.word(k), "of" | "for")
            });
            let after = title.end..run.end;
            // "Dean Ortiz": a one-word title that is also a first name, before a
            // single name, is a first name.
            let first_name = title.len() == 1
                && title.start == run.start
                && after.len() == 1
                && lex.is_given_name(doc.word(title.start));
            // "Robert Allen King III": a title word closing a personal name is a surname.
            let surname = title.len() == 1
                && looks_like_full_name(doc, &(run.start..title.start))
                && lex.is_given_name(doc.word(run.start))
                && after
                    .clone()
                    .all(|k| matches!(doc.word(k), "Jr" | "Sr" | "II" | "III" | "IV" | "."));
            // "General Electric", "General Motors": a title before one common word is
            // part of a name, not a person's rank.
            let common_word = after.len() == 1 && {
                let w = doc.word(after.start);
                lex.is_english_word(w) && !lex.is_surname(w) && !lex.is_given_name(w)
            };
            if capitalized
                && !first_name
                && !surname
                && !common_word
                && (after.is_empty() && title.start > run.start
                    || after.is_empty() && title.start == run.start
                    || person_like(doc, &after))
            {
                if j > run.start {
                    pieces.push(Piece::Name {
                        range: run.start..j,
                        forced: None,
                    });
                }
                pieces.push(Piece::Title(title));
                if !after.is_empty() {
                    pieces.push(Piece::Name {
                        range: after,
                        forced: Some((EntityKind::Person, "person:after-title")),
                    });
                }
                return pieces;
            }
        }
        j += 1;
    }
    // "Ministry of Health, Labour, and Welfare Ryo Tanaka": an
    // organization name that runs straight into a person's.
    for tail in [3, 2] {
        if run.len() > tail + 1 {
            let person = run.end - tail..run.end;
            let before = doc.word(person.start - 1);
            let org = run.start..person.start;
            // "United States Ana Lopes": a place, likewise.
            let org_text = doc.slice(org.start, org.end);
            let named_place = lex.place(org_text).is_some() || lex.gazetteer(org_text).is_some();
            // "… Vardby Fleet Igor Petrov": a common word, then a first name, is a seam.
            let english_before = lex.is_english_word(before);
            let given_first = lex.is_given_name(doc.word(person.start));
            if looks_like_full_name(doc, &person)
                && !lex.is_given_name(before)
                && (english_before && given_first
                    || (english_before || given_first)
                        && (has_org_head(doc, org.start, org.end)
                            || has_org_suffix(doc, org.clone())
                            || named_place))
            {
                return vec![
                    Piece::Name {
                        range: org,
                        forced: None,
                    },
                    Piece::Name {
                        range: person,
                        forced: Some((EntityKind::Person, "person:after-organization")),
                    },
                ];
            }
        }
    }
    pieces.push(Piece::Name {
        range: run,
        forced: None,
    });
    pieces
}
