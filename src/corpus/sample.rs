//! The sample corpus, compiled into the binary so `dossier` with no PATH
//! works from any folder.

pub const FILES: &[(&str, &[u8])] = &[
    ("000_033ed65498691356.txt", include_bytes!("../../assets/corpus/000_033ed65498691356.txt")),
    ("003_02426ad812dd9c00.txt", include_bytes!("../../assets/corpus/003_02426ad812dd9c00.txt")),
];
