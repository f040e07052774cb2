//! The gazetteer's entries as a double-array trie, for walks anchored at a
//! token start.
//!
//! The scan only ever asks "which entries start exactly here", so it needs
//! no failure links: a trie does. In a double array a node's children sit
//! at `base + class(byte)` and a cell belongs to the node in its `check`,
//! so a step is two reads and a compare, where an automaton's sparse state
//! is a scan of its transitions; and each node holds the one entry ending
//! there, where an Aho-Corasick match state also lists the entries that
//! end as its suffixes.

/// A cell of the double array: a node when `check` names its parent.
#[derive(Clone, Copy)]
struct Cell {
    /// Where this node's children start: child for class `c` is at
    /// `base + c`.
    base: u32,
    /// The parent node of this cell, or [`FREE`].
    check: u32,
    /// The value of the entry ending at this node, or 0.
    value: u32,
}

/// `check` of a cell that is no node's child (also the root's).
const FREE: u32 = u32::MAX;

/// Byte strings to nonzero values.
pub struct Trie {
    /// Each byte that occurs in an entry gets a class from 1 up; the rest 0,
    /// which no node has a child for.
    class: [u8; 256],
    cells: Vec<Cell>,
}

impl Trie {
    /// The node every walk starts from.
    pub const ROOT: u32 = 0;

    /// A trie of `entries`, sorted by key with no key twice and none empty;
    /// every value must be nonzero (0 means "no entry ends here").
    pub fn build(entries: &[(&str, u32)]) -> Trie {
        let mut class = [0u8; 256];
        for (key, _) in entries {
            for &b in key.as_bytes() {
                class[b as usize] = 1;
            }
        }
        // Classes in byte order, so a node's children come in class order.
        let mut next = 0u8;
        for c in class.iter_mut().filter(|c| **c != 0) {
            next += 1;
            *c = next;
        }
        let classes = usize::from(next);
        let keys: Vec<&[u8]> = entries.iter().map(|e| e.0.as_bytes()).collect();
        debug_assert!(keys.windows(2).all(|w| w[0] < w[1]), "entries sorted, keys unique");
        debug_assert!(keys.iter().all(|k| !k.is_empty()), "no empty key");
        let mut b = Builder {
            class: &class,
            keys: &keys,
            values: entries.iter().map(|e| e.1).collect(),
            cells: vec![Cell { base: 0, check: FREE, value: 0 }; classes + 1],
            used: vec![false; classes + 1],
            free_from: 1,
            classes,
            groups: Vec::new(),
        };
        // The root's cell.
        b.used[0] = true;
        if !keys.is_empty() {
            b.children(0..keys.len(), 0, Self::ROOT);
        }
        Trie { class, cells: b.cells }
    }

    /// The entries that are prefixes of `text`, shortest first, as
    /// `(length, value)`.
    pub fn prefixes<'a>(&'a self, text: &'a [u8]) -> Prefixes<'a> {
        Prefixes { trie: self, text, pos: 0, node: Self::ROOT }
    }

    /// The node reached from `node` by `byte`, if any entry continues so,
    /// with the value of the entry ending there (0 if none).
    #[inline]
    pub fn step(&self, node: u32, byte: u8) -> Option<(u32, u32)> {
        let next = self.cells[node as usize].base + u32::from(self.class[byte as usize]);
        // A class-0 byte lands on `base`, whose check is never `node`:
        // children sit at base + 1 and up.
        let cell = self.cells[next as usize];
        (cell.check == node).then_some((next, cell.value))
    }
}

/// See [`Trie::prefixes`].
pub struct Prefixes<'a> {
    trie: &'a Trie,
    text: &'a [u8],
    /// Bytes walked so far, and the node they lead to.
    pos: usize,
    node: u32,
}

impl Iterator for Prefixes<'_> {
    type Item = (usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, u32)> {
        while let Some(&b) = self.text.get(self.pos) {
            let (node, value) = self.trie.step(self.node, b)?;
            self.node = node;
            self.pos += 1;
            if value != 0 {
                return Some((self.pos, value));
            }
        }
        None
    }
}

struct Builder<'a> {
    class: &'a [u8; 256],
    /// The entries' keys and values, sorted by key.
    keys: &'a [&'a [u8]],
    values: Vec<u32>,
    cells: Vec<Cell>,
    /// Cells taken by a node (the root's included).
    used: Vec<bool>,
    /// No free cell lies below this one.
    free_from: usize,
    classes: usize,
    /// The children being placed, `(class, keys lo, keys hi)`, as a stack
    /// shared down the recursion: each level pushes its own above `mark`.
    groups: Vec<(u8, usize, usize)>,
}

impl Builder<'_> {
    /// Places the children of `node`, which spells the first `depth` bytes
    /// of every key in `range`, then their subtrees.
    fn children(&mut self, range: std::ops::Range<usize>, depth: usize, node: u32) {
        let keys = self.keys;
        let mark = self.groups.len();
        // Sorted keys: the one that ends here, if any, comes first; the
        // others fall into runs by their next byte.
        let mut k = range.start + usize::from(keys[range.start].len() == depth);
        while k < range.end {
            let byte = keys[k][depth];
            let end = k + keys[k..range.end].iter().take_while(|key| key[depth] == byte).count();
            self.groups.push((self.class[byte as usize], k, end));
            k = end;
        }
        if self.groups.len() == mark {
            return;
        }
        let base = self.place(mark);
        self.cells[node as usize].base = base;
        for g in mark..self.groups.len() {
            let (c, lo, _) = self.groups[g];
            let child = base as usize + usize::from(c);
            self.used[child] = true;
            self.cells[child].check = node;
            if keys[lo].len() == depth + 1 {
                assert!(self.values[lo] != 0, "trie values are nonzero");
                self.cells[child].value = self.values[lo];
            }
        }
        for g in mark..self.groups.len() {
            let (c, lo, hi) = self.groups[g];
            self.children(lo..hi, depth + 1, base + u32::from(c));
        }
        self.groups.truncate(mark);
    }

    /// The lowest base at which every child class of `groups[mark..]`
    /// (ascending) finds a free cell; grows the array so that any class
    /// from it fits.
    fn place(&mut self, mark: usize) -> u32 {
        let groups = &self.groups[mark..];
        while self.used.get(self.free_from).copied().unwrap_or(false) {
            self.free_from += 1;
        }
        let first = usize::from(groups[0].0);
        let mut cell = self.free_from.max(first);
        loop {
            let base = cell - first;
            let len = base + self.classes + 1;
            if self.cells.len() < len {
                self.cells.resize(len, Cell { base: 0, check: FREE, value: 0 });
                self.used.resize(len, false);
            }
            if !self.used[cell] && groups.iter().all(|g| !self.used[base + usize::from(g.0)]) {
                return u32::try_from(base).expect("trie fits in u32 cells");
            }
            cell += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Trie;

    fn lookup(t: &Trie, key: &str) -> Option<u32> {
        let (mut node, mut value) = (Trie::ROOT, 0);
        for &b in key.as_bytes() {
            (node, value) = t.step(node, b)?;
        }
        Some(value)
    }

    #[test]
    fn finds_entries_and_prefixes() {
        let entries = [("Kor", 4), ("Korea", 1), ("North Korea", 2), ("Norway", 3), ("ab", 5), ("é", 6)];
        let t = Trie::build(&entries);
        for (k, v) in entries {
            assert_eq!(lookup(&t, k), Some(v), "{k}");
        }
        assert_eq!(lookup(&t, "Ko"), Some(0), "a prefix is a node with no entry");
        assert_eq!(lookup(&t, "North"), Some(0));
        assert_eq!(lookup(&t, "Koreas"), None);
        assert_eq!(lookup(&t, "x"), None, "a byte in no entry");
        assert_eq!(lookup(&t, "Nz"), None);
    }

    #[test]
    fn empty() {
        let t = Trie::build(&[]);
        assert_eq!(lookup(&t, "a"), None);
    }
}
