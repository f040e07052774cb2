//! A byte-class table shared by the tokenizers, and [`run`], the scan of an
//! ASCII word that both the entity and the date tokenizer spend most of
//! their time in.

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

/// End of the run of ASCII letters and digits from `i`, with the union of
/// their byte classes. Counting cases in the caller's loop kept the counts in memory (its state
/// spilled), a store per byte: the OR stays in a register.
///
/// Eight bytes at a time while eight remain: a byte loop spent most of the
/// tokenizer's time here, and its exit, at every word's end, was a branch
/// no predictor can guess.
#[inline]
pub fn run(bytes: &[u8], mut i: usize) -> (usize, u8) {
    let mut seen = 0u8;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let (digit, lower, upper) = swar_classes(x);
        // High bit of each byte that ends the run.
        let stop = !(digit | lower | upper) & HIGH_BITS;
        // The bytes before the first stop: its lowest bit moved to the
        // byte's bottom, less one (all eight bytes when there is no stop).
        let keep = ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1);
        let class = |mask: u64, class: u8| if mask & keep != 0 { class } else { 0 };
        seen |= class(digit, DIGIT) | class(lower, LOWER) | class(upper, UPPER);
        if stop != 0 {
            return (i + (stop.trailing_zeros() / 8) as usize, seen);
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        let k = CLASS[b as usize];
        if k == 0 {
            break;
        }
        seen |= k;
        i += 1;
    }
    (i, seen)
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The ASCII digits, lowercase and uppercase letters among the eight bytes
/// of `x`, as the high bit of each byte of three masks. Each range test
/// adds to the low seven bits of every byte at once, which cannot carry
/// into the next byte; bytes with the high bit set (non-ASCII) are in none.
#[inline]
fn swar_classes(x: u64) -> (u64, u64, u64) {
    let ascii = !x & HIGH_BITS;
    let low7 = x & !HIGH_BITS;
    // High bit set where the byte's low seven bits lie in lo..=hi.
    let within = |y: u64, lo: u8, hi: u8| y.wrapping_add(splat(0x80 - lo)) & !y.wrapping_add(splat(0x7f - hi));
    let digit = within(low7, b'0', b'9') & ascii;
    // Letters with the case bit (0x20) forced on, then split by it.
    let letter = within(low7 | splat(0x20), b'a', b'z') & ascii;
    let case_bit = x << 2;
    (digit, letter & case_bit, letter & !case_bit)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time run against a byte at a time, from every offset
    /// of byte strings mixing letters, digits, spaces, punctuation and
    /// UTF-8 lead and continuation bytes.
    #[test]
    fn ascii_run_matches_a_byte_loop() {
        let by_byte = |bytes: &[u8], mut i: usize| {
            let mut seen = 0;
            while let Some(&k) = bytes.get(i).map(|&b| &CLASS[b as usize])
                && k != 0
            {
                seen |= k;
                i += 1;
            }
            (i, seen)
        };
        let alphabet = b"aZz09AM _.-'\x7f\xc3\xa9\x80\xff@[`{/:";
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..200 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        // xorshift: a fixed pseudo-random sequence.
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        alphabet[(x % alphabet.len() as u64) as usize]
                    })
                    .collect();
                for i in 0..=len {
                    assert_eq!(run(&bytes, i), by_byte(&bytes, i), "{bytes:?} from {i}");
                }
            }
        }
    }
}
