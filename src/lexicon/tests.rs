//! Tests of the lexicons.

use super::*;

#[test]
fn every_lexicon_loads() {
    let lex = lexicons();
    assert!(lex.is_given_name("Robert"));
    assert!(lex.is_english_word("Development"));
    assert!(!lex.is_english_word("Zixue"));
    assert!(lex.is_title("chief executive"));
    assert!(lex.max_title_words >= 3);
    assert_eq!(
        lex.place("UK").map(|c| c.name.as_str()),
        Some("United Kingdom")
    );
    assert_eq!(
        lex.demonym("Chinese").map(|c| c.name.as_str()),
        Some("China")
    );
    assert_eq!(lex.month("Nov."), Some(11));
    assert_eq!(lex.weekday("Monday"), Some(1));
    assert_eq!(lex.ordinal("seventh"), Some(7));
    assert_eq!(lex.number("two"), Some(2));
    assert!(lex.is_honorific("Dr."));
    assert!(lex.is_abbreviation("Inc"));
}

#[test]
fn places_are_found_without_their_diacritics() {
    let lex = lexicons();
    assert_eq!(fold_diacritics("Bogotá"), "Bogota");
    assert_eq!(fold_diacritics("ÉCOLE"), "ECOLE");
    let accented = lex.gazetteer("Zürich").expect("Zürich is in GeoNames");
    assert_eq!(lex.gazetteer("Zurich"), Some(accented));
    assert!(lex.gazetteer("Bogota").is_some());
}

#[test]
fn verb_forms_map_to_lemmas() {
    let lex = lexicons();
    let lemma = |form: &str, speech: bool| {
        let entries = if speech {
            lex.speech_verb(form)
        } else {
            lex.action_verb(form)
        };
        entries.first().map(|e| e.lemma.clone())
    };
    assert_eq!(lemma("told", true).as_deref(), Some("tell"));
    assert_eq!(lemma("noted", true).as_deref(), Some("note"));
    assert_eq!(lemma("pointed", true).as_deref(), Some("point out"));
    assert_eq!(lemma("halted", false).as_deref(), Some("halt"));
    assert_eq!(lemma("sent", false).as_deref(), Some("send"));
    assert_eq!(lemma("issues", false).as_deref(), Some("issue"));
    assert_eq!(lemma("banned", false).as_deref(), Some("ban"));
    assert_eq!(lemma("axing", false).as_deref(), Some("axe"));
    assert_eq!(lemma("table", false), None);
}

#[test]
fn inflections_follow_spelling_rules() {
    assert!(inflections("carry").contains(&"carried".to_owned()));
    assert!(inflections("announce").contains(&"announcing".to_owned()));
    assert!(inflections("fix").contains(&"fixes".to_owned()));
}
