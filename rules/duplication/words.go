package duplication

// fnvOffset starts an FNV-1a hash: fixed on every machine and run (the cluster
// ids). The words, text hashes and signatures the rules compare are shared with
// repeated-line in rules/text/minhash.
const fnvOffset = 14695981039346656037
