//! One `regex` pass over the bytes of files: the floor for any text processing, used by
//! `bench/compare.sh`. Prints the number of capitalized words found.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pattern = regex::bytes::Regex::new(r"\b[A-Z][a-z]+\b")?;
    let mut found = 0usize;
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        found += pattern.find_iter(&bytes).count();
    }
    println!("{found}");
    Ok(())
}
