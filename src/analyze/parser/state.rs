//! The arc-eager transition system (Nivre 2003) with the root at the end of the buffer
//! (Ballesteros and Nivre 2013), and its dynamic oracle (Goldberg and Nivre 2012).
//!
//! Words are `0..n`; the root is the extra node `n`, last in the buffer. Four moves:
//! SHIFT pushes the front of the buffer; LEFT makes it the head of the stack's top and
//! pops; RIGHT makes the stack's top its head and pushes it; REDUCE pops a top that has
//! its head. Every word is shifted once and popped once, so a sentence takes at most
//! 2n moves: parsing is linear in its length.

/// No word: a missing head, child or stack entry.
pub const NONE: u32 = u32::MAX;

/// A move of the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the front of the buffer.
    Shift = 0,
    /// Pop the stack's top, which has its head.
    Reduce = 1,
    /// The buffer's front becomes the head of the stack's top, which is popped.
    Left = 2,
    /// The stack's top becomes the head of the buffer's front, which is pushed.
    Right = 3,
}

/// All moves, by class number.
pub const MOVES: [Move; 4] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

/// A parser configuration: stack, buffer and the arcs made so far, with what the
/// features need about every word's children.
#[derive(Debug, Clone)]
pub struct State {
    n: usize,
    /// The stack, top last.
    pub stack: Vec<u32>,
    /// The front of the buffer (`n` = only the root is left).
    pub front: usize,
    /// Each node's head (`NONE` while it has none); the root's entry stays `NONE`.
    pub heads: Vec<u32>,
    /// Each node's relation label (an index into the labeler's labels), when it has a head.
    pub labels: Vec<u16>,
    /// The leftmost and second leftmost child of each node.
    pub lefts: Vec<[u32; 2]>,
    /// The rightmost and second rightmost child of each node.
    pub rights: Vec<[u32; 2]>,
    /// How many children each node has on its left and on its right.
    pub valency: Vec<[u8; 2]>,
    /// The labels of each node's children, as bits, on its left and on its right.
    pub label_sets: Vec<[u64; 2]>,
}

impl State {
    /// The start: everything in the buffer.
    pub fn new(n: usize) -> Self {
        Self {
            n,
            stack: Vec::with_capacity(16),
            front: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            valency: vec![[0; 2]; n + 1],
            label_sets: vec![[0; 2]; n + 1],
        }
    }

    /// The number of words (the root is node `n`).
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Whether parsing is done.
    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    /// The `k`-th node from the stack's top, or `NONE`.
    pub fn stack_at(&self, k: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(k + 1)
            .map_or(NONE, |at| self.stack[at])
    }

    /// The `k`-th node of the buffer (the root is its last), or `NONE`.
    pub fn buffer_at(&self, k: usize) -> u32 {
        let at = self.front + k;
        if at <= self.n { at as u32 } else { NONE }
    }

    /// Whether a move can be made now.
    pub fn allows(&self, m: Move) -> bool {
        let top = self.stack.last().copied();
        match m {
            Move::Shift => self.front < self.n,
            Move::Right => top.is_some() && self.front < self.n,
            Move::Left => top.is_some_and(|s| self.heads[s as usize] == NONE),
            Move::Reduce => top.is_some_and(|s| self.heads[s as usize] != NONE),
        }
    }

    /// Makes a move; `label` labels the arc of LEFT and RIGHT. The move must be allowed.
    pub fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => {
                self.stack.push(self.front as u32);
                self.front += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left => {
                let child = self.stack.pop().expect("LEFT needs a stack");
                self.attach(self.front as u32, child, label);
            }
            Move::Right => {
                let head = *self.stack.last().expect("RIGHT needs a stack");
                let child = self.front as u32;
                self.attach(head, child, label);
                self.stack.push(child);
                self.front += 1;
            }
        }
    }

    /// The arc that a LEFT or RIGHT would make now: (head, child).
    pub fn arc_of(&self, m: Move) -> Option<(u32, u32)> {
        let top = *self.stack.last()?;
        match m {
            Move::Left => Some((self.front as u32, top)),
            Move::Right => Some((top, self.front as u32)),
            _ => None,
        }
    }

    fn attach(&mut self, head: u32, child: u32, label: u16) {
        let (h, c) = (head as usize, child as usize);
        self.heads[c] = head;
        self.labels[c] = label;
        let bit = 1u64 << (label % 64);
        if child < head {
            // Left children arrive from the nearest to the farthest.
            self.lefts[h] = [child, self.lefts[h][0]];
            self.valency[h][0] = self.valency[h][0].saturating_add(1);
            self.label_sets[h][0] |= bit;
        } else {
            // Right children arrive from the nearest to the farthest too.
            self.rights[h] = [child, self.rights[h][0]];
            self.valency[h][1] = self.valency[h][1].saturating_add(1);
            self.label_sets[h][1] |= bit;
        }
    }

    /// What a move costs against gold heads (`gold[i]` is `i`'s head, `n` for the
    /// root): how many gold arcs that can still be made it makes unreachable. Exact for
    /// projective gold trees (Goldberg and Nivre 2012).
    pub fn cost(&self, m: Move, gold: &[u32]) -> usize {
        let n = self.n as u32;
        let front = self.front as u32;
        let in_buffer = |k: u32| k != NONE && k >= front && k <= n;
        let on_stack = |k: u32| self.stack.contains(&k);
        // Nodes of the buffer whose gold head is `h`.
        let buffer_children = |h: u32| (front..n).filter(|&k| gold[k as usize] == h).count();
        // Headless nodes of the stack whose gold head is `h`.
        let stack_children = |h: u32| {
            self.stack
                .iter()
                .filter(|&&k| gold[k as usize] == h && self.heads[k as usize] == NONE)
                .count()
        };
        match m {
            Move::Shift => usize::from(on_stack(gold[self.front])) + stack_children(front),
            Move::Right => {
                let top = *self.stack.last().expect("RIGHT needs a stack");
                let head = gold[self.front];
                usize::from(head != top && (on_stack(head) || in_buffer(head) && head > front))
                    + stack_children(front)
            }
            Move::Left => {
                let top = *self.stack.last().expect("LEFT needs a stack");
                let head = gold[top as usize];
                usize::from(head != front && in_buffer(head)) + buffer_children(top)
            }
            Move::Reduce => {
                let top = *self.stack.last().expect("REDUCE needs a stack");
                buffer_children(top)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the zero-cost moves (the first allowed in class order) to the end.
    fn oracle_parse(gold: &[u32]) -> Vec<u32> {
        let mut s = State::new(gold.len());
        while !s.is_final() {
            let m = MOVES
                .into_iter()
                .find(|&m| s.allows(m) && s.cost(m, gold) == 0)
                .expect("a zero-cost move exists for a projective tree");
            s.apply(m, 0);
        }
        s.heads[..gold.len()].to_vec()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "She told him that it rained": told is the root's child (the root is node 6).
        let trees: &[&[u32]] = &[&[1, 6, 1, 5, 5, 1], &[1, 2, 4, 2], &[4, 4, 4, 4, 5], &[1]];
        for gold in trees {
            assert_eq!(oracle_parse(gold), *gold);
        }
    }

    #[test]
    fn costs_count_lost_arcs() {
        // 0 ← 1 → 2, root 3 → 1.
        let gold = [1, 3, 1];
        let mut s = State::new(3);
        s.apply(Move::Shift, 0);
        // Pushing 1 over 0 loses 1 → 0; RIGHT 0 → 1 loses both 1 → 0 and root → 1.
        assert_eq!(s.cost(Move::Shift, &gold), 1);
        assert_eq!(s.cost(Move::Right, &gold), 2);
        assert_eq!(s.cost(Move::Left, &gold), 0);
        s.apply(Move::Left, 0);
        s.apply(Move::Shift, 0);
        s.apply(Move::Right, 0);
        assert_eq!(s.heads, [1, NONE, 1, NONE]);
        assert_eq!(s.lefts[1], [0, NONE]);
        assert_eq!(s.rights[1], [2, NONE]);
        assert_eq!(s.valency[1], [1, 1]);
        assert!(!s.allows(Move::Shift) && !s.allows(Move::Right));
        s.apply(Move::Reduce, 0);
        assert_eq!(s.cost(Move::Left, &gold), 0);
        s.apply(Move::Left, 0);
        assert!(s.is_final());
        assert_eq!(s.heads[1], 3);
    }
}
