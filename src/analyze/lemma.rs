//! The lemmatizer: the dictionary form of a word given its part of speech.
//!
//! Most English lemmas come from the word by a change at its end ("studies" → strip
//! three letters, add "y"). A perceptron learns which change to make from the word's
//! last letters and its tag, over the word types of the treebank, so it applies to
//! words it never saw; the words it would get wrong ("went" → "go", "n't" → "not")
//! are kept in a list of exceptions, looked up first.

use super::features::{WordAtoms, f1, f2, hash_str};
use super::perceptron::{Perceptron, Rng, best_of};
use super::weights::{ModelError, ModelFile, Weights};
use std::collections::{BTreeMap, HashMap};

/// An ending change: strip `strip` characters, append `append`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EditScript {
    /// Characters to remove from the end.
    pub strip: usize,
    /// What to add.
    pub append: String,
}

impl EditScript {
    /// The change that turns `form` into `lemma` (both lower case).
    pub fn between(form: &str, lemma: &str) -> Self {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Self {
            strip: form.chars().count() - common,
            append: lemma.chars().skip(common).collect(),
        }
    }

    /// Applies the change; `None` if the word is too short for it.
    pub fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let keep = n.checked_sub(self.strip)?;
        let mut out: String = form.chars().take(keep).collect();
        out.push_str(&self.append);
        (!out.is_empty()).then_some(out)
    }

    fn encode(&self) -> String {
        format!("{}\t{}", self.strip, self.append)
    }

    fn decode(line: &str) -> Option<Self> {
        let (strip, append) = line.split_once('\t')?;
        Some(Self {
            strip: strip.parse().ok()?,
            append: append.to_owned(),
        })
    }
}

/// The features of a word for choosing its ending change.
pub fn lemma_features(atoms: &WordAtoms, xpos: u64, out: &mut Vec<u64>) {
    out.clear();
    out.extend([
        f1(200, xpos),
        f2(201, xpos, atoms.suffix[0]),
        f2(202, xpos, atoms.suffix[1]),
        f2(203, xpos, atoms.suffix[2]),
        f2(204, xpos, atoms.suffix[3]),
        f1(205, atoms.suffix[1]),
        f1(206, atoms.suffix[2]),
        f2(207, xpos, atoms.shape),
    ]);
}

/// The key of a word in the exceptions.
fn key(atoms: &WordAtoms, xpos: u64) -> u64 {
    f2(208, atoms.lower, xpos)
}

/// A trained lemmatizer.
#[derive(Debug)]
pub struct Lemmatizer {
    weights: Weights,
    scripts: Vec<EditScript>,
    exceptions: HashMap<u64, String>,
    /// The exceptions as written to the file: (form, tag, lemma).
    listed: Vec<(String, String, String)>,
}

impl Lemmatizer {
    /// Reads a lemmatizer from its model file.
    pub fn from_file(name: &str, file: &ModelFile) -> Result<Self, ModelError> {
        let error = |message: String| ModelError {
            name: name.to_owned(),
            message,
        };
        let weights = file.weights(name, "weights")?;
        let scripts = file
            .strings(name, "scripts")?
            .iter()
            .map(|l| EditScript::decode(l).ok_or_else(|| error(format!("bad script {l:?}"))))
            .collect::<Result<Vec<_>, _>>()?;
        if scripts.len() != weights.classes() {
            return Err(error("as many scripts as classes needed".into()));
        }
        let mut listed = Vec::new();
        for line in file.strings(name, "exceptions")? {
            let mut parts = line.splitn(3, '\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(f), Some(t), Some(l)) => listed.push((f.into(), t.into(), l.into())),
                _ => return Err(error(format!("bad exception {line:?}"))),
            }
        }
        Ok(Self::new(weights, scripts, listed))
    }

    fn new(
        weights: Weights,
        scripts: Vec<EditScript>,
        listed: Vec<(String, String, String)>,
    ) -> Self {
        let exceptions = listed
            .iter()
            .map(|(form, xpos, lemma)| {
                let atoms = super::features::word_atoms(&[form], false)[0];
                (key(&atoms, hash_str(xpos)), lemma.clone())
            })
            .collect();
        Self {
            weights,
            scripts,
            exceptions,
            listed,
        }
    }

    /// The model file of this lemmatizer.
    pub fn to_file(&self, header: Vec<String>) -> ModelFile {
        let mut file = ModelFile::new(header);
        file.put_weights("weights", &self.weights);
        let scripts: Vec<String> = self.scripts.iter().map(EditScript::encode).collect();
        file.put_strings("scripts", &scripts);
        let listed: Vec<String> = self
            .listed
            .iter()
            .map(|(f, t, l)| format!("{f}\t{t}\t{l}"))
            .collect();
        file.put_strings("exceptions", &listed);
        file
    }

    /// The lemma of `word` (with its atoms) tagged `upos`/`xpos`: lower case, except
    /// for proper nouns and "I", which keep their capitals.
    pub fn lemma(&self, word: &str, atoms: &WordAtoms, upos: &str, xpos: &str) -> String {
        let tag = hash_str(xpos);
        let keep_case = upos == "PROPN" || word == "I";
        // Numbers and words with digits ("60th", "3D") are their own lemma: the learned
        // lemmas, keyed by shape, would rewrite their digits ("60th" → "100th").
        if word.chars().any(|c| c.is_ascii_digit()) {
            return if keep_case {
                word.to_owned()
            } else {
                word.to_lowercase()
            };
        }
        if let Some(lemma) = self.exceptions.get(&key(atoms, tag)) {
            return if keep_case && lemma.eq_ignore_ascii_case(word) {
                word.to_owned()
            } else {
                lemma.clone()
            };
        }
        // The ending rules learned from lower-case forms: a capitalized word ("The" at
        // the start of a sentence) is scored as its lower-case form, as in training.
        let lowered;
        let atoms = if word.chars().any(char::is_uppercase) {
            lowered = super::features::word_atoms(&[word.to_lowercase().as_str()], false)[0];
            &lowered
        } else {
            atoms
        };
        let mut features = Vec::with_capacity(8);
        lemma_features(atoms, tag, &mut features);
        let mut scores = Vec::with_capacity(self.scripts.len());
        self.weights.scores(&features, &mut scores);
        let best = best_of(&scores, |_| true).and_then(|k| self.scripts.get(k));
        let base = if keep_case {
            word.to_owned()
        } else {
            word.to_lowercase()
        };
        let lemma = best
            .and_then(|s| s.apply(&base))
            .unwrap_or_else(|| base.clone());
        repair_with_dictionary(&base, restore_silent_e(&base, lemma))
    }
}

/// A lemma the dictionary lacks, of an inflected word, is repaired when one letter less
/// makes a word it has: British spelling doubles a final "l" ("equalled" → "equal", not
/// "equall"), "-oes"/"-oed" drop no "e" of the stem ("echoed" → "echo", not
/// "echoe"), and a stem guessed with a silent "e" may have none ("pressing" → "press").
fn repair_with_dictionary(word: &str, lemma: String) -> String {
    let lex = crate::lexicon::lexicons();
    if word == lemma
        || !lemma.chars().all(|c| c.is_ascii_lowercase())
        || lex.is_english_word(&lemma)
    {
        return lemma;
    }
    let chars: Vec<char> = lemma.chars().collect();
    let shorter: String = chars[..chars.len().saturating_sub(1)].iter().collect();
    let doubled = chars.len() > 3 && chars[chars.len() - 1] == chars[chars.len() - 2];
    let echo = lemma.ends_with("oe");
    // ("pressing" → "press", not "presse": an "e" guessed onto a stem the dictionary has)
    let guessed_e = lemma.ends_with('e') && (word.ends_with("ing") || word.ends_with("ed"));
    if (doubled || echo || guessed_e) && lex.is_english_word(&shorter) {
        shorter
    } else {
        lemma
    }
}

/// English doubles the last consonant of a short stem before "-ed" and "-ing" ("fin" →
/// "finned"), so an undoubled "fined" or "hoping" cannot come from "fin" or "hop": the
/// stem had a silent "e" ("fine", "hope"). Fixes the ending rules' guess for words the
/// treebank never showed.
fn restore_silent_e(word: &str, lemma: String) -> String {
    let stem_of = |suffix: &str| word.strip_suffix(suffix).filter(|s| *s == lemma);
    if stem_of("ed").or_else(|| stem_of("ing")).is_none() {
        return lemma;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let chars: Vec<char> = lemma.chars().collect();
    let [.., before, v, last] = chars[..] else {
        return lemma;
    };
    let one_syllable = chars.iter().filter(|&&c| vowel(c)).count() == 1;
    let short = !vowel(before) && vowel(v) && !vowel(last) && !matches!(last, 'w' | 'x' | 'y');
    // Longer stems: the dictionary knows "telephone" and "settle", not "telephon".
    let lex = crate::lexicon::lexicons();
    let only_with_e = || !lex.is_english_word(&lemma) && lex.is_english_word(&format!("{lemma}e"));
    if one_syllable && short && last.is_ascii_lowercase() || only_with_e() {
        lemma + "e"
    } else {
        lemma
    }
}

/// A word of the training data: lower-case form, tag and lemma.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LemmaExample {
    /// The word, lower case.
    pub form: String,
    /// Its Penn Treebank tag.
    pub xpos: String,
    /// Its lemma, lower case.
    pub lemma: String,
}

/// Trains a lemmatizer from the words of a treebank (each occurrence once).
pub fn train_lemmatizer(words: &[LemmaExample], epochs: usize, seed: u64) -> Lemmatizer {
    // The most frequent lemma of each (form, tag), and how many times it was seen.
    let mut counts: BTreeMap<(&str, &str), BTreeMap<&str, usize>> = BTreeMap::new();
    for w in words {
        *counts
            .entry((&w.form, &w.xpos))
            .or_default()
            .entry(&w.lemma)
            .or_default() += 1;
    }
    let types: Vec<(&str, &str, &str)> = counts
        .iter()
        .map(|(&(form, xpos), lemmas)| {
            let best = lemmas
                .iter()
                .max_by_key(|&(l, &c)| (c, std::cmp::Reverse(*l)))
                .map(|(l, _)| *l)
                .unwrap_or(form);
            (form, xpos, best)
        })
        .collect();
    // Ending changes that at least two word types share are worth learning.
    let mut script_types: BTreeMap<EditScript, usize> = BTreeMap::new();
    for (form, _, lemma) in &types {
        *script_types
            .entry(EditScript::between(form, lemma))
            .or_default() += 1;
    }
    let scripts: Vec<EditScript> = script_types
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(s, _)| s)
        .collect();
    let class_of: HashMap<&EditScript, usize> =
        scripts.iter().enumerate().map(|(k, s)| (s, k)).collect();
    let examples: Vec<(WordAtoms, u64, usize)> = types
        .iter()
        .filter_map(|(form, xpos, lemma)| {
            let class = *class_of.get(&EditScript::between(form, lemma))?;
            let atoms = super::features::word_atoms(&[form], false)[0];
            Some((atoms, hash_str(xpos), class))
        })
        .collect();
    let mut model = Perceptron::new(scripts.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(seed);
    let mut features = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (atoms, xpos, class) = &examples[k];
            lemma_features(atoms, *xpos, &mut features);
            model.tick();
            let guess = model.best(&features, |_| true).unwrap_or(0);
            model.update(&features, *class, guess);
        }
    }
    let mut lemmatizer = Lemmatizer::new(model.average(0.0), scripts, Vec::new());
    // What the learned changes get wrong is listed.
    let listed: Vec<(String, String, String)> = types
        .iter()
        .filter(|(form, xpos, lemma)| {
            let atoms = super::features::word_atoms(&[form], false)[0];
            lemmatizer.lemma(form, &atoms, "", xpos) != *lemma
        })
        .map(|&(f, t, l)| (f.to_owned(), t.to_owned(), l.to_owned()))
        .collect();
    lemmatizer = Lemmatizer::new(lemmatizer.weights, lemmatizer.scripts, listed);
    lemmatizer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_stem_without_doubling_had_a_silent_e() {
        let fix = |word: &str, lemma: &str| restore_silent_e(word, lemma.to_owned());
        assert_eq!(fix("fined", "fin"), "fine");
        assert_eq!(fix("hoping", "hop"), "hope");
        assert_eq!(fix("visited", "visit"), "visit"); // two syllables
        assert_eq!(fix("fixed", "fix"), "fix"); // x never doubles
        assert_eq!(fix("rained", "rain"), "rain"); // two vowels
        assert_eq!(fix("finned", "fin"), "fin"); // doubled: the stem is short
        assert_eq!(fix("fines", "fine"), "fine"); // not an -ed or -ing form
        assert_eq!(fix("telephoned", "telephon"), "telephone"); // the dictionary's word
        assert_eq!(fix("settled", "settl"), "settle");
        assert_eq!(fix("opened", "open"), "open");
    }

    #[test]
    fn a_lemma_the_dictionary_lacks_loses_a_letter_it_has_too_many() {
        let fix = |word: &str, lemma: &str| repair_with_dictionary(word, lemma.to_owned());
        assert_eq!(fix("equalled", "equall"), "equal");
        assert_eq!(fix("travelling", "travell"), "travel");
        assert_eq!(fix("echoed", "echoe"), "echo");
        assert_eq!(fix("pressing", "presse"), "press");
        assert_eq!(fix("hoped", "hope"), "hope"); // the dictionary has it
        assert_eq!(fix("filled", "fill"), "fill"); // a word as it is
        assert_eq!(fix("shoes", "shoe"), "shoe");
        assert_eq!(fix("Vantor", "Vantor"), "Vantor");
    }

    #[test]
    fn edit_scripts_change_endings() {
        let s = EditScript::between("studies", "study");
        assert_eq!(
            s,
            EditScript {
                strip: 3,
                append: "y".into()
            }
        );
        assert_eq!(s.apply("flies").as_deref(), Some("fly"));
        assert_eq!(EditScript::between("went", "go").apply("x"), None);
        assert_eq!(
            EditScript::between("cats", "cat").apply("dogs").as_deref(),
            Some("dog")
        );
    }

    #[test]
    fn learns_endings_and_keeps_exceptions() {
        let w = |f: &str, t: &str, l: &str| LemmaExample {
            form: f.into(),
            xpos: t.into(),
            lemma: l.into(),
        };
        let words = vec![
            w("cats", "NNS", "cat"),
            w("dogs", "NNS", "dog"),
            w("hats", "NNS", "hat"),
            w("walked", "VBD", "walk"),
            w("talked", "VBD", "talk"),
            w("went", "VBD", "go"),
            w("the", "DT", "the"),
            w("a", "DT", "a"),
        ];
        let l = train_lemmatizer(&words, 5, 1);
        let lemma = |word: &str, upos: &str, xpos: &str| {
            let atoms = super::super::features::word_atoms(&[word], false)[0];
            l.lemma(word, &atoms, upos, xpos)
        };
        assert_eq!(lemma("bats", "NOUN", "NNS"), "bat");
        assert_eq!(lemma("jumped", "VERB", "VBD"), "jump");
        assert_eq!(lemma("Went", "VERB", "VBD"), "go");
        assert_eq!(lemma("Walked", "VERB", "VBD"), "walk");
        assert_eq!(lemma("Cats", "PROPN", "NNS"), "Cat");
    }
}
