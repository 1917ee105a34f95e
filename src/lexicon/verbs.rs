//! Verb lists: lemmas with their particle and whether they need "that", expanded to
//! their regular and listed irregular forms.

use super::{HashMap, entries};

/// A verb lemma, possibly with a particle ("point out").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The lemma, particle included ("point out").
    pub lemma: String,
    /// The particle that must follow the verb, if any.
    pub particle: Option<String>,
    /// Whether it reports speech only with a "that" clause ("announced that …", but
    /// "announced new fees" is an action).
    pub needs_that: bool,
}

/// Reads a verb list (`speech-verbs.txt`, `action-verbs.txt`): every form of every verb,
/// with the entries it may be.
pub(super) fn verbs(data: &'static str) -> HashMap<String, Vec<VerbEntry>> {
    let mut map: HashMap<String, Vec<VerbEntry>> = HashMap::default();
    for line in entries(data) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(&lemma) = words.first() else {
            continue;
        };
        let needs_that = lemma.ends_with('*');
        let lemma = lemma.trim_end_matches('*');
        // "point out": the particle is the second word when it is not a verb form.
        let (particle, irregular) = match words.get(1) {
            Some(w) if is_particle(w) => (Some((*w).to_owned()), &words[2..]),
            _ => (None, &words[1..]),
        };
        let entry = VerbEntry {
            lemma: particle
                .as_ref()
                .map_or(lemma.to_owned(), |p| format!("{lemma} {p}")),
            particle,
            needs_that,
        };
        let mut forms = inflections(lemma);
        forms.extend(irregular.iter().map(|f| (*f).to_owned()));
        for form in forms {
            let list = map.entry(form).or_default();
            if !list.contains(&entry) {
                list.push(entry.clone());
            }
        }
    }
    map
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "out" | "up" | "down" | "off" | "on" | "in" | "back" | "over" | "away"
    )
}

/// Regular forms of an English verb: the lemma, third person, past, gerund.
/// Where a final consonant may double ("ban" → "banned") both spellings are given.
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_owned()];
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    let is_vowel = |c: char| "aeiou".contains(c);
    let last = chars[n - 1];
    let consonant_y = last == 'y' && n > 1 && !is_vowel(chars[n - 2]);
    // third person
    if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        forms.push(format!("{lemma}es"));
    } else if consonant_y {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past
    if last == 'e' {
        forms.push(format!("{lemma}d"));
    } else if consonant_y {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}ed"));
    }
    // gerund
    if last == 'e' && !lemma.ends_with("ee") {
        forms.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}ing"));
    }
    // consonant doubling after a single short vowel: ban → banned, banning
    if n >= 3
        && !is_vowel(last)
        && !"wxy".contains(last)
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3])
    {
        forms.push(format!("{lemma}{last}ed"));
        forms.push(format!("{lemma}{last}ing"));
    }
    forms
}
