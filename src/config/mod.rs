//! Config file and keymap parsing.
