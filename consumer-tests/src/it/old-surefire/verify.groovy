// Surefire 2.12.4 runs no JUnit 5/6 test, silently: the build passes with "Tests run: 0" although
// NeverRunTest fails whenever it runs, and evals4j never starts (no line, no report).
def log = new File(basedir, 'build.log').text
assert log.contains('surefire:2.12.4:test')
assert log.contains('Tests run: 0, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('[evals4j]')
assert !new File(basedir, 'target/evals4j').exists()
return true
