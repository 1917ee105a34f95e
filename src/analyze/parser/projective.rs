//! Projective trees for training: the arc-eager system builds only trees whose arcs
//! do not cross, so a treebank's few crossing arcs are lifted first — the dependent
//! moves up to its head's head until nothing crosses (Nivre and Nilsson 2005, without
//! encoding the lift in the label).

/// Whether the arc into `child` covers only descendants of its head.
fn is_projective(heads: &[u32], child: usize) -> bool {
    let head = heads[child] as usize;
    let (from, to) = (head.min(child), head.max(child));
    (from + 1..to).all(|k| dominates(heads, head, k))
}

/// Whether `ancestor` is `node` or above it.
fn dominates(heads: &[u32], ancestor: usize, mut node: usize) -> bool {
    let root = heads.len();
    for _ in 0..=heads.len() {
        if node == ancestor {
            return true;
        }
        if node >= root {
            return false;
        }
        node = heads[node] as usize;
    }
    false
}

/// Lifts crossing arcs, shortest first, until the tree is projective. `heads[i]` is
/// word `i`'s head, `heads.len()` for the root.
pub fn projectivize(heads: &[u32]) -> Vec<u32> {
    let mut heads = heads.to_vec();
    let root = heads.len();
    loop {
        let worst = (0..heads.len())
            .filter(|&c| (heads[c] as usize) < root && !is_projective(&heads, c))
            .min_by_key(|&c| (c.abs_diff(heads[c] as usize), c));
        match worst {
            Some(c) => heads[c] = heads[heads[c] as usize],
            None => return heads,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifts_the_crossing_arc_only() {
        // "A hearing is scheduled on the issue today": 0 → 6 crosses 3's arcs
        // (0 a-hearing, "on the issue" attached to "hearing" across "is scheduled").
        let heads = [1, 3, 3, 8, 6, 6, 1, 3];
        assert!(!is_projective(&heads, 6));
        let fixed = projectivize(&heads);
        assert_eq!(fixed, [1, 3, 3, 8, 6, 6, 3, 3]);
        // A projective tree stays as it is.
        let ok = [1, 2, 3];
        assert_eq!(projectivize(&ok), ok);
    }
}
