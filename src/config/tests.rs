use super::*;
#[test]
fn explore() {
    let cases = [
        "colour = 1\n",
        "[keys]\nquit = [\"q\"]\n\n[theme]\nperson = 5\n",
        "[keys]\nquit = 5\n",
        "[keys]\nquit = [\"q\", 5]\n",
        "[keys]\nquiet = [\"q\"]\nquit = [\"ctrl-x-y\"]\n",
        "size_cap = true\n",
        "size_cap = \"16MiB\"\nreference_date = 2025-01-02\n",
        "keys = 3\n",
        "[keys\n",
        "[theme]\nperson = \"blurple\"\ncolour = \"red\"\n",
        "[other]\nx=1\n",
    ];
    for c in cases {
        match Config::parse(Path::new("/root/.config/dossier/config.toml"), c.as_bytes(), &["quit", "help"]) {
            Ok(c) => println!("OK {c:?}"),
            Err(e) => println!("{e}"),
        }
    }
}
