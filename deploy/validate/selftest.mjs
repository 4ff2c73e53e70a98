// The self-test both validators run: each case breaks a copy of the files in one known way, and the check
// that should catch it must report at least one error. Returns how many cases ran and which were missed.
export function runSelfTest(cases, verbose) {
  const missed = [];
  for (const [what, run] of cases) {
    let errors;
    try { errors = run(); } catch (e) { missed.push(`${what} (the self-test itself failed: ${e.message})`); continue; }
    if (!errors.length) missed.push(what);
    else if (verbose) console.log(`        caught: ${what}: ${errors[0]}${errors.length > 1 ? ` (+${errors.length - 1})` : ''}`);
  }
  return { count: cases.length, missed };
}
