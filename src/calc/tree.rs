//! Trees given by parent links (units, assets, indicators, budget lines): finding the links that
//! go round in a circle, cutting them, and the display order of what remains.
//!
//! Every function here takes each row's parent as an index into the same list and works in
//! linear time without recursion, so that a hundred thousand budget lines or a chain as deep as
//! the list cannot overflow the stack.

/// Every cycle of the links, each as the indexes on it in link order, starting at its lowest
/// index (the row that comes first in its file). A row whose chain runs into a cycle without
/// being on it is not part of the cycle.
pub fn find_cycles(parent: &[Option<usize>]) -> Vec<Vec<usize>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut colour = vec![NEW; parent.len()];
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parent.len() {
        if colour[start] != NEW {
            continue;
        }
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at.filter(|i| *i < parent.len()) {
            match colour[i] {
                NEW => {
                    colour[i] = ON_PATH;
                    path.push(i);
                    at = parent[i];
                }
                ON_PATH => {
                    // `i` is on the path walked now: the path from `i` on is a cycle.
                    let from = path.iter().position(|p| *p == i).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    let lowest = (0..cycle.len()).min_by_key(|k| cycle[*k]).unwrap_or(0);
                    cycle.rotate_left(lowest);
                    cycles.push(cycle);
                    break;
                }
                _ => break,
            }
        }
        for i in &path {
            colour[*i] = DONE;
        }
    }
    cycles.sort_by_key(|c| c[0]);
    cycles
}

/// The links with every cycle cut where it is entered first in file order: the first row of
/// each cycle loses its parent and becomes a root, so every row hangs under some root.
pub fn cut_cycles(parent: &[Option<usize>]) -> Vec<Option<usize>> {
    let mut cut: Vec<Option<usize>> = parent.iter().map(|p| p.filter(|i| *i < parent.len())).collect();
    for cycle in find_cycles(&cut) {
        cut[cycle[0]] = None;
    }
    cut
}

/// Rows in display order with their depth: each root, then its children, depth first; siblings
/// by `key` (stable, so equal keys keep the list order). The links must be free of cycles
/// (see [`cut_cycles`]); a row on a cycle left in is not shown.
pub fn preorder<K: Ord>(parent: &[Option<usize>], key: impl Fn(usize) -> K) -> Vec<(usize, usize)> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); parent.len()];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p.filter(|p| *p < parent.len()) {
            Some(p) => children[p].push(i),
            None => roots.push(i),
        }
    }
    roots.sort_by_key(|i| key(*i));
    for list in &mut children {
        list.sort_by_key(|i| key(*i));
    }
    let mut out = Vec::with_capacity(parent.len());
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|r| (*r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        out.push((i, depth));
        stack.extend(children[i].iter().rev().map(|c| (*c, depth + 1)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_are_found_once_from_their_first_row() {
        // 0 → 1 → 2 → 0 is a cycle; 3 → 1 runs into it; 4 → 4 points at itself; 5 is a root.
        let parent = [Some(1), Some(2), Some(0), Some(1), Some(4), None];
        assert_eq!(find_cycles(&parent), vec![vec![0, 1, 2], vec![4]]);
        // Entered from the middle, the cycle still starts at its lowest index.
        let parent = [None, Some(2), Some(3), Some(1)];
        assert_eq!(find_cycles(&parent), vec![vec![1, 2, 3]]);
        assert!(find_cycles(&[None, Some(0), Some(1), Some(9)]).is_empty(), "a dangling link is no cycle");
    }

    #[test]
    fn a_long_chain_and_a_long_cycle_take_no_recursion() {
        let n: usize = 200_000;
        let chain: Vec<Option<usize>> = (0..n).map(|i| i.checked_sub(1)).collect();
        assert!(find_cycles(&chain).is_empty());
        assert_eq!(preorder(&chain, |i| i).last(), Some(&(n - 1, n - 1)));
        let mut ring = chain.clone();
        ring[0] = Some(n - 1);
        let cycles = find_cycles(&ring);
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].len(), n);
        assert_eq!(cycles[0][..3], [0, n - 1, n - 2]);
    }

    #[test]
    fn cutting_keeps_every_row() {
        // 0 → 1 → 0 and 2 under 1: cut at 0, which becomes a root with 1 and 2 below it.
        let cut = cut_cycles(&[Some(1), Some(0), Some(1), None]);
        assert_eq!(cut, vec![None, Some(0), Some(1), None]);
        let order = preorder(&cut, |i| i);
        assert_eq!(order, vec![(0, 0), (1, 1), (2, 2), (3, 0)]);
    }

    #[test]
    fn siblings_follow_their_key() {
        // Root 0 with children 1 (key 2), 2 (key 1), 3 (key 1): 2 and 3 keep their order.
        let keys = [0, 2, 1, 1];
        let order = preorder(&[None, Some(0), Some(0), Some(0)], |i| keys[i]);
        assert_eq!(order, vec![(0, 0), (2, 1), (3, 1), (1, 1)]);
    }
}
