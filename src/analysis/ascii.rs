//! A byte-class table shared by the tokenizers: the hot loops of both the
//! entity and the date tokenizer walk ASCII words through it, one lookup a
//! byte instead of three comparisons.

pub const DIGIT: u8 = 1;
pub const LOWER: u8 = 2;
pub const UPPER: u8 = 4;

/// ASCII letters and digits by class; 0 for every other byte.
pub static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if b.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        c += 1;
    }
    t
};
