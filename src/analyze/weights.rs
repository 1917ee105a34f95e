//! The weights of a linear model, and the file format they ship in.
//!
//! A model maps hashed features ([`super::features`]) to a weight per class. Most
//! features matter to a few classes only, so each feature keeps a short row of
//! `(class, weight)` entries, found through an open-addressing table keyed by the
//! feature hash. Weights are 16-bit integers with one scale per model: averaged
//! perceptron weights need no more precision, and the files stay small.
//!
//! A model file is text lines first — `#` lines saying what the model is, what it was
//! trained on and under which licence, ended by an empty line — then named binary
//! sections, each a name, a length and little-endian bytes. Everything is checked
//! while reading, so a damaged file is an error, never a wrong analysis.

use std::collections::BTreeMap;
use std::fmt;

/// Marks the start of the binary part of a model file.
const MAGIC: &[u8; 4] = b"NGM1";

/// An entry of a weight row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
struct Entry {
    class: u16,
    weight: i16,
}

/// A slot of the feature table: the feature's fingerprint (0 = empty) and where its row
/// lies in the entries (start << 8 | length).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Slot {
    fingerprint: u32,
    row: u32,
}

/// The weights of a linear model over hashed features.
#[derive(Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    scale: f32,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
}

impl fmt::Debug for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Weights")
            .field("classes", &self.classes)
            .field("features", &self.features())
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// Asks the CPU to bring the cache line holding `value` closer, without waiting for it.
#[inline(always)]
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, even on a bad address, and this
    // one comes from a reference.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Where a feature hash goes in a table of `mask + 1` slots, and its fingerprint.
#[inline]
fn place(feature: u64, mask: usize) -> (usize, u32) {
    let fingerprint = ((feature >> 32) as u32).max(1);
    (feature as usize & mask, fingerprint)
}

impl Weights {
    /// Builds weights from rows of `(class, weight)` per feature; weights are scaled
    /// to 16 bits with one factor for the whole model. Rows come sorted by feature, so
    /// the same rows always give the same bytes.
    pub fn from_rows(classes: usize, rows: &[(u64, Vec<(u16, f64)>)]) -> Self {
        assert!(classes <= usize::from(u16::MAX), "too many classes");
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0.0_f64, f64::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let size = (rows.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![Slot::default(); size];
        let mut entries = Vec::new();
        for (feature, row) in rows {
            let row: Vec<Entry> = row
                .iter()
                .filter_map(|&(class, w)| {
                    let q = (w / scale).round() as i16;
                    (q != 0).then_some(Entry { class, weight: q })
                })
                .collect();
            if row.is_empty() {
                continue;
            }
            let (mut at, fingerprint) = place(*feature, mask);
            while slots[at].fingerprint != 0 {
                at = (at + 1) & mask;
            }
            // Rows longer than 255 entries cannot be told apart; no model has them.
            let len = row.len().min(255);
            slots[at] = Slot {
                fingerprint,
                row: ((entries.len() as u32) << 8) | len as u32,
            };
            entries.extend_from_slice(&row[..len]);
        }
        assert!(entries.len() < 1 << 24, "too many weights");
        Self {
            classes,
            scale: scale as f32,
            mask,
            slots,
            entries,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features with a weight.
    pub fn features(&self) -> usize {
        self.slots.iter().filter(|s| s.fingerprint != 0).count()
    }

    /// The factor that turns summed integer scores into the trained scale.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The summed weights of `features`, one score per class.
    ///
    /// The tables are megabytes and nearly every look-up misses the cache, so the slots
    /// of a batch of features are requested first, then their rows, and only then summed:
    /// the misses overlap instead of waiting on one another.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<i32>) {
        scores.clear();
        scores.resize(self.classes, 0);
        for batch in features.chunks(64) {
            for &f in batch {
                prefetch(&self.slots[place(f, self.mask).0]);
            }
            let mut rows = [(0usize, 0usize); 64];
            let mut n = 0;
            for &f in batch {
                if let Some(row) = self.row_of(f) {
                    prefetch(&self.entries[row.0]);
                    rows[n] = row;
                    n += 1;
                }
            }
            for &(start, len) in &rows[..n] {
                for e in &self.entries[start..start + len] {
                    scores[usize::from(e.class)] += i32::from(e.weight);
                }
            }
        }
    }

    /// Where the row of a feature starts in `entries` and its length.
    #[inline]
    fn row_of(&self, feature: u64) -> Option<(usize, usize)> {
        let (mut at, fingerprint) = place(feature, self.mask);
        loop {
            let slot = self.slots[at];
            if slot.fingerprint == fingerprint {
                return Some(((slot.row >> 8) as usize, (slot.row & 0xff) as usize));
            }
            if slot.fingerprint == 0 {
                return None;
            }
            at = (at + 1) & self.mask;
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.classes as u32);
        out.extend_from_slice(&self.scale.to_le_bytes());
        put_u32(out, self.slots.len() as u32);
        for s in &self.slots {
            put_u32(out, s.fingerprint);
            put_u32(out, s.row);
        }
        put_u32(out, self.entries.len() as u32);
        for e in &self.entries {
            out.extend_from_slice(&e.class.to_le_bytes());
            out.extend_from_slice(&e.weight.to_le_bytes());
        }
    }

    fn read(bytes: &mut Reader<'_>) -> Result<Self, ModelError> {
        let classes = bytes.u32()? as usize;
        let scale = f32::from_le_bytes(bytes.take(4)?.try_into().unwrap_or_default());
        let size = bytes.u32()? as usize;
        if !size.is_power_of_two() {
            return Err(bytes.error("the feature table's size is not a power of two"));
        }
        let raw = bytes.take(size * 8)?;
        let slots: Vec<Slot> = raw
            .chunks_exact(8)
            .map(|c| Slot {
                fingerprint: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                row: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        let n = bytes.u32()? as usize;
        let raw = bytes.take(n * 4)?;
        let entries: Vec<Entry> = raw
            .chunks_exact(4)
            .map(|c| Entry {
                class: u16::from_le_bytes([c[0], c[1]]),
                weight: i16::from_le_bytes([c[2], c[3]]),
            })
            .collect();
        if entries.iter().any(|e| usize::from(e.class) >= classes) {
            return Err(bytes.error("a weight names a class the model does not have"));
        }
        let in_range =
            |s: &Slot| s.fingerprint == 0 || ((s.row >> 8) as usize + (s.row & 0xff) as usize) <= n;
        if !slots.iter().all(in_range) || slots.iter().all(|s| s.fingerprint != 0) {
            return Err(bytes.error("the feature table points outside its weights"));
        }
        Ok(Self {
            classes,
            scale,
            mask: size - 1,
            slots,
            entries,
        })
    }
}

/// A model file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("model {name}: {message}")]
pub struct ModelError {
    /// Which model.
    pub name: String,
    /// What is wrong with it.
    pub message: String,
}

/// A model file: its description and named sections.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ModelFile {
    /// The `#` lines (without `# `): what it is, what it was trained on, its licence.
    pub header: Vec<String>,
    sections: BTreeMap<String, Vec<u8>>,
}

impl ModelFile {
    /// An empty model file with a description.
    pub fn new(header: Vec<String>) -> Self {
        Self {
            header,
            sections: BTreeMap::new(),
        }
    }

    /// Adds a section of weights.
    pub fn put_weights(&mut self, name: &str, weights: &Weights) {
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        self.sections.insert(name.to_owned(), bytes);
    }

    /// Adds a section of strings (class names, a word list), one per line.
    pub fn put_strings<S: AsRef<str>>(&mut self, name: &str, strings: &[S]) {
        let mut bytes = Vec::new();
        for s in strings {
            debug_assert!(!s.as_ref().contains('\n'));
            bytes.extend_from_slice(s.as_ref().as_bytes());
            bytes.push(b'\n');
        }
        self.sections.insert(name.to_owned(), bytes);
    }

    /// Adds a section of number pairs (a map from hashes to values), sorted.
    pub fn put_pairs(&mut self, name: &str, pairs: &[(u64, u64)]) {
        let mut sorted = pairs.to_vec();
        sorted.sort_unstable();
        let mut bytes = Vec::with_capacity(sorted.len() * 16);
        for (a, b) in sorted {
            bytes.extend_from_slice(&a.to_le_bytes());
            bytes.extend_from_slice(&b.to_le_bytes());
        }
        self.sections.insert(name.to_owned(), bytes);
    }

    /// Adds a section of 32-bit floats.
    pub fn put_floats(&mut self, name: &str, floats: &[f32]) {
        let bytes = floats.iter().flat_map(|f| f.to_le_bytes()).collect();
        self.sections.insert(name.to_owned(), bytes);
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for line in &self.header {
            out.extend_from_slice(b"# ");
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, self.sections.len() as u32);
        for (name, bytes) in &self.sections {
            put_u32(&mut out, name.len() as u32);
            out.extend_from_slice(name.as_bytes());
            put_u32(&mut out, bytes.len() as u32);
            out.extend_from_slice(bytes);
        }
        out
    }

    /// Reads a model file.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, ModelError> {
        let error = |message: &str| ModelError {
            name: name.to_owned(),
            message: message.to_owned(),
        };
        let mut header = Vec::new();
        let mut rest = bytes;
        loop {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .ok_or_else(|| error("no end to its description"))?;
            let line = std::str::from_utf8(&rest[..end])
                .map_err(|_| error("its description is not UTF-8"))?;
            rest = &rest[end + 1..];
            if line.is_empty() {
                break;
            }
            header.push(line.strip_prefix("# ").unwrap_or(line).to_owned());
        }
        let mut reader = Reader { name, bytes: rest };
        if reader.take(4)? != MAGIC {
            return Err(error("not a newsgraph model file"));
        }
        let mut sections = BTreeMap::new();
        for _ in 0..reader.u32()? {
            let len = reader.u32()? as usize;
            let key = std::str::from_utf8(reader.take(len)?)
                .map_err(|_| error("a section name is not UTF-8"))?
                .to_owned();
            let len = reader.u32()? as usize;
            sections.insert(key, reader.take(len)?.to_vec());
        }
        if !reader.bytes.is_empty() {
            return Err(error("bytes after its last section"));
        }
        Ok(Self { header, sections })
    }

    fn section(&self, file: &str, name: &str) -> Result<&[u8], ModelError> {
        self.sections
            .get(name)
            .map(Vec::as_slice)
            .ok_or_else(|| ModelError {
                name: file.to_owned(),
                message: format!("no section {name:?}"),
            })
    }

    /// Reads a section of weights.
    pub fn weights(&self, file: &str, name: &str) -> Result<Weights, ModelError> {
        let mut reader = Reader {
            name: file,
            bytes: self.section(file, name)?,
        };
        let w = Weights::read(&mut reader)?;
        if !reader.bytes.is_empty() {
            return Err(reader.error("bytes after the weights"));
        }
        Ok(w)
    }

    /// Reads a section of number pairs.
    pub fn pairs(&self, file: &str, name: &str) -> Result<Vec<(u64, u64)>, ModelError> {
        let bytes = self.section(file, name)?;
        if bytes.len() % 16 != 0 {
            return Err(ModelError {
                name: file.to_owned(),
                message: format!("section {name:?} is cut short"),
            });
        }
        Ok(bytes
            .chunks_exact(16)
            .map(|c| {
                let (a, b) = c.split_at(8);
                let word = |x: &[u8]| u64::from_le_bytes(x.try_into().unwrap_or_default());
                (word(a), word(b))
            })
            .collect())
    }

    /// Reads a section of 32-bit floats.
    pub fn floats(&self, file: &str, name: &str) -> Result<Vec<f32>, ModelError> {
        let bytes = self.section(file, name)?;
        if bytes.len() % 4 != 0 {
            return Err(ModelError {
                name: file.to_owned(),
                message: format!("section {name:?} is cut short"),
            });
        }
        let floats: Vec<f32> = bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if floats.iter().any(|f| !f.is_finite()) {
            return Err(ModelError {
                name: file.to_owned(),
                message: format!("section {name:?} holds a number that is not finite"),
            });
        }
        Ok(floats)
    }

    /// Reads a section of strings.
    pub fn strings(&self, file: &str, name: &str) -> Result<Vec<String>, ModelError> {
        let bytes = self.section(file, name)?;
        let text = std::str::from_utf8(bytes).map_err(|_| ModelError {
            name: file.to_owned(),
            message: format!("section {name:?} is not UTF-8"),
        })?;
        Ok(text.lines().map(str::to_owned).collect())
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Reads little-endian values off a byte slice, with errors naming the model.
struct Reader<'a> {
    name: &'a str,
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn error(&self, message: &str) -> ModelError {
        ModelError {
            name: self.name.to_owned(),
            message: message.to_owned(),
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(self.error("cut short"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        Weights::from_rows(
            3,
            &[
                (11, vec![(0, 1.0), (2, -0.5)]),
                (12, vec![(1, 2.0)]),
                (13, vec![(1, 0.000_001)]),
            ],
        )
    }

    #[test]
    fn scores_sum_the_rows_of_known_features() {
        let w = sample();
        let mut s = Vec::new();
        w.scores(&[11, 12, 99], &mut s);
        let real: Vec<f32> = s.iter().map(|&x| x as f32 * w.scale()).collect();
        assert!((real[0] - 1.0).abs() < 1e-3 && (real[1] - 2.0).abs() < 1e-3);
        assert!((real[2] + 0.5).abs() < 1e-3);
        // A weight too small for 16 bits is dropped, and so is its feature.
        assert_eq!(w.features(), 2);
    }

    #[test]
    fn a_file_reads_back_as_written() {
        let mut file = ModelFile::new(vec!["test model".into(), "licence: none".into()]);
        file.put_weights("w", &sample());
        file.put_strings("classes", &["A", "B", "C"]);
        file.put_pairs("map", &[(7, 1), (3, u64::MAX)]);
        let bytes = file.to_bytes();
        assert!(bytes.starts_with(b"# test model\n# licence: none\n\nNGM1"));
        let back = ModelFile::from_bytes("t", &bytes).unwrap();
        assert_eq!(back, file);
        assert_eq!(back.weights("t", "w").unwrap(), sample());
        assert_eq!(back.strings("t", "classes").unwrap(), ["A", "B", "C"]);
        assert_eq!(back.pairs("t", "map").unwrap(), [(3, u64::MAX), (7, 1)]);
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        let mut file = ModelFile::new(vec!["m".into()]);
        file.put_weights("w", &sample());
        let bytes = file.to_bytes();
        for cut in [3, 10, bytes.len() - 1] {
            assert!(ModelFile::from_bytes("t", &bytes[..cut]).is_err(), "{cut}");
        }
        let mut wrong = bytes.clone();
        let at = wrong.len() - 4;
        wrong[at] = 9; // a class past the model's three
        let file = ModelFile::from_bytes("t", &wrong).unwrap();
        assert!(file.weights("t", "w").is_err());
    }
}
