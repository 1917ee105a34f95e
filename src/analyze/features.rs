//! Feature hashing, and the facts about each word that every model reads.
//!
//! A feature is a 64-bit hash of a template number and the values it combines ("the
//! word before is *the* and this word ends in *-ing*"). Hashing instead of interning
//! strings means no vocabulary to ship and no allocation while analysing; the
//! models store only the hashes they learned a weight for. Trainers and the runtime
//! build features with these same functions, so what was learned is what is read.

use crate::lexicon::lexicons;
use std::cell::RefCell;
use std::collections::HashMap;

/// FxHash's multiplier: fast, and good enough for word hashing.
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hashes a string's bytes.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0x2545_f491_4f6c_dd1d;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    // The length keeps "ab" and "ab\0" apart.
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K)
}

/// Mixes a value into a running hash.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// The final avalanche (MurmurHash3's fmix64): every input bit moves the low bits a
/// weight table indexes by.
#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature of one value.
#[inline]
pub fn f1(template: u32, a: u64) -> u64 {
    finish(mix(u64::from(template) + 1, a))
}

/// A feature of two values.
#[inline]
pub fn f2(template: u32, a: u64, b: u64) -> u64 {
    finish(mix(mix(u64::from(template) + 1, a), b))
}

/// A feature of three values.
#[inline]
pub fn f3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(u64::from(template) + 1, a), b), c))
}

/// The item `k` places from `i` (before it when `k` is negative), if the slice has one:
/// a word's neighbours, their tags or classes.
#[inline]
pub fn neighbour<T>(items: &[T], i: usize, k: isize) -> Option<&T> {
    i.checked_add_signed(k).and_then(|j| items.get(j))
}

/// Lexicon facts about a word, as bits.
pub mod flag {
    /// Starts with an upper-case letter.
    pub const TITLE: u32 = 1;
    /// All letters upper case, at least two of them.
    pub const UPPER: u32 = 1 << 1;
    /// Holds a digit.
    pub const DIGIT: u32 = 1 << 2;
    /// Holds a hyphen.
    pub const HYPHEN: u32 = 1 << 3;
    /// No letter or digit at all.
    pub const PUNCT: u32 = 1 << 4;
    /// A given name in the name lists.
    pub const GIVEN_NAME: u32 = 1 << 5;
    /// A surname in the name lists.
    pub const SURNAME: u32 = 1 << 6;
    /// A town, state or country of the gazetteer.
    pub const PLACE: u32 = 1 << 7;
    /// A nationality or inhabitant adjective ("French").
    pub const DEMONYM: u32 = 1 << 8;
    /// A word that ends organization names ("Inc", "Bank", "Ministry").
    pub const ORG_WORD: u32 = 1 << 9;
    /// A common English word.
    pub const ENGLISH: u32 = 1 << 10;
    /// A job title or honorific ("minister", "Mr").
    pub const TITLE_WORD: u32 = 1 << 11;
    /// WordNet knows it as the name of a person.
    pub const KNOWN_PERSON: u32 = 1 << 12;
    /// WordNet knows it as the name of an organization.
    pub const KNOWN_ORG: u32 = 1 << 13;
    /// WordNet knows it as the name of a place.
    pub const KNOWN_PLACE: u32 = 1 << 14;
    /// A month or weekday name.
    pub const CALENDAR: u32 = 1 << 15;
    /// Inside a name of several words that the lexicons know as a place ("New York").
    pub const IN_PLACE: u32 = 1 << 16;
    /// Inside a name of several words that the lexicons know as an organization.
    pub const IN_ORG: u32 = 1 << 17;
    /// Inside a name of several words that the lexicons know as a person.
    pub const IN_PERSON: u32 = 1 << 18;
    /// The first word of such a name.
    pub const SPAN_START: u32 = 1 << 19;
}

/// What the models know about one word before looking at its neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordAtoms {
    /// The word as written.
    pub form: u64,
    /// The word in lower case.
    pub lower: u64,
    /// Its shape: letters as X/x, digits as d, runs shortened ("Xxxx", "dd.d").
    pub shape: u64,
    /// Its last 1, 2, 3 and 4 characters, lower case.
    pub suffix: [u64; 4],
    /// Its first 1, 2 and 3 characters, lower case.
    pub prefix: [u64; 3],
    /// [`flag`] bits.
    pub flags: u32,
    /// Its word classes, coarse to fine (0 = none); set by
    /// [`crate::analyze::clusters::Clusters::mark`].
    pub clusters: [u64; 3],
}

/// Computes the atoms of every word of a sentence; with the lexicons, also which
/// words lie in a name of several words that a lexicon knows.
pub fn word_atoms(words: &[&str], with_lexicons: bool) -> Vec<WordAtoms> {
    let mut lower = String::new();
    let mut shape = String::new();
    let mut atoms: Vec<WordAtoms> = if with_lexicons {
        words
            .iter()
            .map(|w| known_atoms(w, &mut lower, &mut shape))
            .collect()
    } else {
        words
            .iter()
            .map(|w| atoms(w, false, &mut lower, &mut shape))
            .collect()
    };
    if with_lexicons {
        mark_known_names(words, &mut atoms);
    }
    atoms
}

/// Words whose atoms a thread keeps ([`known_atoms`]); about 5 MB.
const ATOMS_KEPT: usize = 1 << 15;

thread_local! {
    static THREAD_ATOMS: RefCell<HashMap<Box<str>, WordAtoms>> = RefCell::new(HashMap::new());
}

/// The atoms of a word with its lexicon facts, kept per thread: a word comes back
/// often, and its dozen lexicon look-ups and seven affix hashes are the same each time.
fn known_atoms(word: &str, lower: &mut String, shape: &mut String) -> WordAtoms {
    THREAD_ATOMS.with(|cell| {
        let Ok(mut kept) = cell.try_borrow_mut() else {
            return atoms(word, true, lower, shape);
        };
        if let Some(a) = kept.get(word) {
            return *a;
        }
        let a = atoms(word, true, lower, shape);
        if kept.len() >= ATOMS_KEPT {
            kept.clear();
        }
        kept.insert(word.into(), a);
        a
    })
}

/// The longest name, in words, looked up in the lexicons.
const LONGEST_NAME: usize = 4;

/// Flags the words of names of two to four words that the lexicons know ("New York",
/// "Red Cross"), the longest match first.
fn mark_known_names(words: &[&str], atoms: &mut [WordAtoms]) {
    use crate::model::EntityKind;
    let lex = lexicons();
    let mut name = String::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = 1;
        if atoms[i].flags & flag::TITLE != 0 {
            for len in (2..=LONGEST_NAME.min(words.len() - i)).rev() {
                name.clear();
                for (k, w) in words[i..i + len].iter().enumerate() {
                    if k > 0 {
                        name.push(' ');
                    }
                    name.push_str(w);
                }
                let kind = if lex.place(&name).is_some() || lex.gazetteer(&name).is_some() {
                    Some(flag::IN_PLACE)
                } else {
                    match lex.known_name(&name) {
                        Some(EntityKind::Organization) => Some(flag::IN_ORG),
                        Some(EntityKind::Person) => Some(flag::IN_PERSON),
                        Some(EntityKind::Place) => Some(flag::IN_PLACE),
                        _ => None,
                    }
                };
                if let Some(bit) = kind {
                    for (k, a) in atoms[i..i + len].iter_mut().enumerate() {
                        a.flags |= bit | if k == 0 { flag::SPAN_START } else { 0 };
                    }
                    matched = len;
                    break;
                }
            }
        }
        i += matched;
    }
}

fn atoms(word: &str, with_lexicons: bool, lower: &mut String, shape: &mut String) -> WordAtoms {
    lower.clear();
    if word.is_ascii() {
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(word.chars().flat_map(char::to_lowercase));
    }
    shape.clear();
    let mut flags = 0;
    let mut last = ' ';
    let mut run = 0;
    let (mut letters, mut uppers, mut alnum) = (0, 0, 0);
    for (k, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            uppers += 1;
            letters += 1;
            if k == 0 {
                flags |= flag::TITLE;
            }
            'X'
        } else if c.is_alphabetic() {
            letters += 1;
            'x'
        } else if c.is_numeric() {
            flags |= flag::DIGIT;
            'd'
        } else {
            if c == '-' {
                flags |= flag::HYPHEN;
            }
            c
        };
        if c.is_alphanumeric() {
            alnum += 1;
        }
        run = if s == last { run + 1 } else { 1 };
        last = s;
        // "Xxxxxxx" and "Xxxx" look alike: runs longer than four are cut.
        if run <= 4 {
            shape.push(s);
        }
    }
    if uppers >= 2 && uppers == letters {
        flags |= flag::UPPER;
    }
    if alnum == 0 {
        flags |= flag::PUNCT;
    }
    if with_lexicons && letters > 0 {
        flags |= lexicon_flags(word, lower);
    }
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    let n = chars.len();
    let suffix = std::array::from_fn(|k| {
        let from = n.saturating_sub(k + 1);
        hash_str(&lower[chars.get(from).map_or(0, |c| c.0)..])
    });
    let prefix = std::array::from_fn(|k| {
        let to = chars.get(k + 1).map_or(lower.len(), |c| c.0);
        hash_str(&lower[..to])
    });
    WordAtoms {
        form: hash_str(word),
        lower: hash_str(lower),
        shape: hash_str(shape),
        suffix,
        prefix,
        flags,
        clusters: [0; 3],
    }
}

fn lexicon_flags(word: &str, lower: &str) -> u32 {
    use crate::model::EntityKind;
    let lex = lexicons();
    let mut flags = 0;
    let mut set = |yes: bool, bit: u32| {
        if yes {
            flags |= bit;
        }
    };
    set(lex.is_given_name(word), flag::GIVEN_NAME);
    set(lex.is_surname(word), flag::SURNAME);
    set(
        lex.place(word).is_some() || lex.gazetteer(word).is_some(),
        flag::PLACE,
    );
    set(lex.demonym(word).is_some(), flag::DEMONYM);
    set(
        lex.is_org_suffix(word) || lex.is_org_head(word) || lex.is_legal_form(word),
        flag::ORG_WORD,
    );
    set(lex.is_english_word(lower), flag::ENGLISH);
    set(
        lex.is_title(lower) || lex.is_honorific(word),
        flag::TITLE_WORD,
    );
    let known = lex.known_name(word);
    set(known == Some(EntityKind::Person), flag::KNOWN_PERSON);
    set(known == Some(EntityKind::Organization), flag::KNOWN_ORG);
    set(known == Some(EntityKind::Place), flag::KNOWN_PLACE);
    set(
        lex.month(lower).is_some() || lex.weekday(lower).is_some(),
        flag::CALENDAR,
    );
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let a = word_atoms(&["Reuters", "U.S.", "1990s", "--", "well-known"], false);
        assert_eq!(a[0].shape, hash_str("Xxxxx"));
        assert_eq!(a[1].shape, hash_str("X.X."));
        assert_eq!(a[2].shape, hash_str("ddddx"));
        assert_ne!(a[0].flags & flag::TITLE, 0);
        assert_ne!(a[1].flags & flag::UPPER, 0);
        assert_ne!(a[2].flags & flag::DIGIT, 0);
        assert_ne!(a[3].flags & flag::PUNCT, 0);
        assert_ne!(a[4].flags & flag::HYPHEN, 0);
        assert_eq!(a[0].suffix[2], hash_str("ers"));
        assert_eq!(a[0].prefix[0], hash_str("r"));
    }

    #[test]
    fn hashes_differ_by_template_and_order() {
        let (a, b) = (hash_str("a"), hash_str("b"));
        assert_ne!(f2(1, a, b), f2(1, b, a));
        assert_ne!(f1(1, a), f1(2, a));
        assert_ne!(hash_str("ab"), hash_str("ab\0"));
    }

    #[test]
    fn short_and_non_ascii_words_have_all_affixes() {
        let a = word_atoms(&["é", "Ça"], false);
        assert_eq!(a[0].suffix[3], hash_str("é"));
        assert_eq!(a[1].prefix[2], hash_str("ça"));
    }
}
