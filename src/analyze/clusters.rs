//! Word classes learned from plain text ([`super::train::clusters`]) at three
//! granularities, as features: a rare or unseen word behaves like the words of its
//! class, which the taggers learned from plenty of examples.

use super::features::WordAtoms;
use super::weights::{ModelError, ModelFile};
use std::collections::HashMap;

/// How many granularities.
pub const LEVELS: usize = 3;

/// Each known word's class at each granularity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    /// Lower-case word hash → class per level.
    classes: HashMap<u64, [u16; LEVELS]>,
}

impl Clusters {
    /// Classes from learned word lists (lower-case word → class, per level).
    pub fn new(levels: &[HashMap<String, u16>; LEVELS]) -> Self {
        let mut classes: HashMap<u64, [u16; LEVELS]> = HashMap::new();
        for (level, map) in levels.iter().enumerate() {
            // In spelling order, the first of two spellings that lower-case alike wins.
            let mut words: Vec<(&String, &u16)> = map.iter().collect();
            words.sort();
            for (word, &class) in words {
                let atoms = super::features::word_atoms(&[word], false)[0];
                let entry = classes.entry(atoms.lower).or_insert([u16::MAX; LEVELS]);
                if entry[level] == u16::MAX {
                    entry[level] = class;
                }
            }
        }
        Self { classes }
    }

    /// Reads the classes from their model file.
    pub fn from_file(name: &str, file: &ModelFile) -> Result<Self, ModelError> {
        let classes = file
            .pairs(name, "classes")?
            .into_iter()
            .map(|(word, packed)| (word, std::array::from_fn(|k| (packed >> (16 * k)) as u16)))
            .collect();
        Ok(Self { classes })
    }

    /// The model file of these classes.
    pub fn to_file(&self, header: Vec<String>) -> ModelFile {
        let mut file = ModelFile::new(header);
        let pairs: Vec<(u64, u64)> = self
            .classes
            .iter()
            .map(|(&word, levels)| {
                let packed = levels
                    .iter()
                    .enumerate()
                    .fold(0u64, |p, (k, &c)| p | u64::from(c) << (16 * k));
                (word, packed)
            })
            .collect();
        file.put_pairs("classes", &pairs);
        file
    }

    /// Sets the class features of a sentence's words (0 for words without a class).
    pub fn mark(&self, atoms: &mut [WordAtoms]) {
        for a in atoms {
            a.clusters = match self.classes.get(&a.lower) {
                Some(levels) => levels.map(|c| if c == u16::MAX { 0 } else { u64::from(c) + 1 }),
                None => [0; LEVELS],
            };
        }
    }
}
