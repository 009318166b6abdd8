// A typo'd evals4j key in junit-platform.properties: the run says so when it starts, naming the
// closest known key, and the typo has no effect.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains("unknown configuration key 'evals4j.report.dirr'") : 'the run names the unknown key'
assert log =~ /unknown configuration key 'evals4j\.report\.dirr'.*evals4j\.report\.dir\b/ : 'and the closest known one'
// said at the start of the run, before the test's outcome
assert log.indexOf("unknown configuration key 'evals4j.report.dirr'") < log.indexOf('Tests run: 1,')
// the typo'd key had no effect: the report is in the default place, not in target/typo-reports
assert new File(basedir, 'target/evals4j/report.json').isFile()
assert !new File(basedir, 'target/typo-reports').exists()
return true
