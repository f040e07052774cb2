//! Many short strings stored end to end in one buffer, with ids by
//! position, and an interner over them. An article's names and the search
//! index's vocabularies both hold millions of strings at 100,000 articles:
//! one allocation per string would cost more than the text itself and leave
//! the heap fragmented.

// hashbrown's default hasher (foldhash) is several times faster than std's
// SipHash on short words, and the interners see every token.
use hashbrown::{DefaultHashBuilder, HashTable};
use std::hash::BuildHasher;

/// Strings with ids `0..len()`, in the order they were pushed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strings {
    text: String,
    /// End of each string in `text`; it starts where the previous ends.
    ends: Vec<u32>,
}

impl Strings {
    pub fn with_capacity(strings: usize, bytes: usize) -> Strings {
        Strings { text: String::with_capacity(bytes), ends: Vec::with_capacity(strings) }
    }

    /// Appends `s` and returns its id.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        Some(&self.text[start..end])
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }
}

impl std::ops::Index<usize> for Strings {
    type Output = str;
    fn index(&self, i: usize) -> &str {
        self.get(i).expect("string id in range")
    }
}

/// [`Strings`] that can find a string's id, so each distinct string is
/// stored once.
#[derive(Default)]
pub struct Interner {
    strings: Strings,
    /// Ids, hashed by their strings.
    table: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Interner {
    /// Room for `strings` strings of `bytes` bytes in all, in the store and
    /// in the table: growing the table rehashes every id it holds.
    pub fn with_capacity(strings: usize, bytes: usize) -> Interner {
        Interner {
            strings: Strings::with_capacity(strings, bytes),
            table: HashTable::with_capacity(strings),
            ..Interner::default()
        }
    }

    /// The id of `s`, which is pushed if new.
    pub fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let strings = &self.strings;
        if let Some(&id) = self.table.find(hash, |&id| &strings[id as usize] == s) {
            return id;
        }
        let id = self.strings.push(s);
        let (strings, hasher) = (&self.strings, &self.hasher);
        self.table.insert_unique(hash, id, |&id| hasher.hash_one(&strings[id as usize]));
        id
    }

    pub fn len(&self) -> usize {
        self.strings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    pub fn into_strings(self) -> Strings {
        self.strings
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
        let strings = v.into_strings();
        assert_eq!(strings.iter().collect::<Vec<_>>(), ["lavrov", "", "zürich", "l"]);
        assert_eq!(&strings[2], "zürich");
        assert_eq!(strings.get(4), None);
    }
}
