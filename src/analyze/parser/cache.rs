//! What each input of the network adds to its hidden layer, computed once.
//!
//! The first layer is linear in the input vectors, so the contribution of an id in a
//! slot (a tag as the stack's top, a word as the buffer's front) is a fixed row of
//! hidden-layer values (Chen and Manning 2014). Tags, labels, classes and extras are few:
//! all their rows are computed when the model loads. Words are many: the rows of the most
//! frequent ones are computed then, the others when a sentence needs them. Parsing then
//! sums some forty rows per move instead of multiplying a thousand inputs.
//!
//! Rows are kept in half precision: summing them is bound by memory, not arithmetic, and
//! a half-precision row is half the bytes. The rounding (an error below 0.05% of each
//! value) moves no measurable parsing figure (see NOTES.md).

use super::network::{Kind, N_SLOTS, Network, slot_kinds};
use half::f16;
use half::slice::HalfFloatSliceExt;
use std::cell::RefCell;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Words whose rows are computed at load time (the vocabulary lists them by frequency;
/// these cover about four words of five in running text).
pub const CACHED_WORDS: u32 = 1500;

/// Precomputed hidden-layer rows per slot and id.
#[derive(Debug, Clone, PartialEq)]
pub struct Cache {
    hidden: usize,
    /// For each slot: where its rows start and how many ids it has rows for.
    slots: [(usize, u32); N_SLOTS],
    rows: Vec<f16>,
}

impl Cache {
    /// Computes the rows of a network.
    pub fn new(net: &Network) -> Self {
        let h = net.dims.hidden;
        let sizes = net.vocabulary.sizes(net.dims.labels);
        let kinds = slot_kinds();
        let mut slots = [(0, 0); N_SLOTS];
        let mut total = 0;
        for (slot, kind) in kinds.iter().enumerate() {
            let ids = match kind {
                Kind::Word => (sizes[0] as u32).min(CACHED_WORDS + super::network::FIRST_WORD),
                _ => sizes[*kind as usize] as u32,
            };
            slots[slot] = (total, ids);
            total += ids as usize * h;
        }
        let mut rows = vec![f16::ZERO; total];
        let mut row = vec![0f32; h];
        for (slot, &(start, ids)) in slots.iter().enumerate() {
            for id in 0..ids {
                let at = start + id as usize * h;
                row.fill(0.0);
                net.slot_contribution(slot, id, &mut row);
                rows[at..at + h].convert_from_f32_slice(&row);
            }
        }
        Self {
            hidden: h,
            slots,
            rows,
        }
    }

    /// The row of `id` in `slot`, if computed.
    #[inline]
    pub fn row(&self, slot: usize, id: u32) -> Option<&[f16]> {
        let (start, ids) = self.slots[slot];
        (id < ids).then(|| {
            let at = start + id as usize * self.hidden;
            &self.rows[at..at + self.hidden]
        })
    }
}

/// Rows of rare words, computed as sentences need them and kept, one store per thread,
/// for the next sentences and articles (names and topic words come back), up to
/// [`RareRows::LIMIT`] rows.
#[derive(Debug, Default)]
pub struct RareRows {
    /// The parser the rows belong to ([`super::Parser`]'s id): rows of one model are
    /// no rows of another.
    owner: u64,
    index: HashMap<(u8, u32), usize>,
    rows: Vec<f16>,
    /// Where a row is computed before it is rounded.
    scratch: Vec<f32>,
}

thread_local! {
    static THREAD_ROWS: RefCell<RareRows> = RefCell::new(RareRows::default());
}

impl RareRows {
    /// Rows kept at most (4 MB a thread with 256 hidden units).
    pub const LIMIT: usize = 8192;

    /// Runs `f` with this thread's rows for the parser `owner`: a worker that parses
    /// article after article computes a rare word's rows once, not once per article.
    pub fn with_thread_rows<R>(owner: u64, f: impl FnOnce(&mut RareRows) -> R) -> R {
        THREAD_ROWS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut rows) => {
                if rows.owner != owner {
                    rows.index.clear();
                    rows.rows.clear();
                    rows.owner = owner;
                }
                f(&mut rows)
            }
            // Only a parse inside a parse would get here; it keeps its own rows.
            Err(_) => f(&mut RareRows {
                owner,
                ..RareRows::default()
            }),
        })
    }

    /// Forgets the rows when there are more than [`RareRows::LIMIT`] (between sentences:
    /// indices handed out stay valid within one).
    pub fn trim(&mut self) {
        if self.index.len() > Self::LIMIT {
            self.index.clear();
            self.rows.clear();
        }
    }

    /// The index of the row of `id` in `slot`, computed if new.
    pub fn index(&mut self, net: &Network, slot: usize, id: u32) -> usize {
        let next = self.index.len();
        match self.index.entry((slot as u8, id)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let h = net.dims.hidden;
                let at = self.rows.len();
                self.rows.resize(at + h, f16::ZERO);
                self.scratch.clear();
                self.scratch.resize(h, 0.0);
                net.slot_contribution(slot, id, &mut self.scratch);
                self.rows[at..].convert_from_f32_slice(&self.scratch);
                e.insert(next);
                next
            }
        }
    }

    /// The row at an index.
    pub fn row(&self, index: usize, hidden: usize) -> &[f16] {
        &self.rows[index * hidden..(index + 1) * hidden]
    }
}
