//! Vocabularies as strings stored end to end in one buffer, with ids by
//! position. The build makes a vocabulary per chunk and per segment, about
//! a million terms in all at 100,000 articles: one allocation per term would
//! cost more than the text itself and leave the heap fragmented.

// hashbrown's default hasher (foldhash) is several times faster than
// std's SipHash on short words, and the interner sees every token.
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// Strings with ids `0..len()`, in the order they were pushed.
pub(crate) struct Terms {
    text: String,
    /// String `i` is `text[bounds[i]..bounds[i + 1]]`; `bounds[0]` is 0.
    bounds: Vec<u32>,
}

impl Default for Terms {
    fn default() -> Terms {
        Terms::with_capacity(0, 0)
    }
}

impl Terms {
    pub fn with_capacity(terms: usize, bytes: usize) -> Terms {
        let mut bounds = Vec::with_capacity(terms + 1);
        bounds.push(0);
        Terms { text: String::with_capacity(bytes), bounds }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    #[inline]
    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        &self.text[self.bounds[i] as usize..self.bounds[i + 1] as usize]
    }

    /// Appends `s`; returns its id.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.bounds.push(self.text.len() as u32);
        self.len() as u32 - 1
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.bounds.shrink_to_fit();
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).map(|i| self.get(i))
    }

    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.bounds.capacity() * 4
    }
}

/// `Terms` that can find a string's id: a chunk's vocabulary as it grows.
#[derive(Default)]
pub(crate) struct Interner {
    terms: Terms,
    /// Ids, hashed by their strings.
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Interner {
    /// The id of `s`, which is pushed if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let terms = &self.terms;
        if let Some(&id) = self.table.find(hash, |&id| terms.get(id) == s) {
            return id;
        }
        let id = self.terms.push(s);
        let (terms, hasher) = (&self.terms, &self.hasher);
        self.table.insert_unique(hash, id, |&id| hasher.hash_one(terms.get(id)));
        id
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn into_terms(self) -> Terms {
        self.terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_strings_keep_their_ids() {
        let mut v = Interner::default();
        let words = ["lavrov", "", "zürich", "lavrov", "l", "", "zürich"];
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 1, 2]);
        let terms = v.into_terms();
        assert_eq!(terms.iter().collect::<Vec<_>>(), ["lavrov", "", "zürich", "l"]);
        assert_eq!(terms.get(2), "zürich");
    }
}
