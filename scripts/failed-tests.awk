# Prints each failed test of the TRX files given: its name, the first lines of its message and
# the first line of its stack trace, so that a CI log read from its tail says why, not only what.
function unescape(s) {
    gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&#xD;/, "", s); gsub(/&#xA;/, " ", s); gsub(/&amp;/, "\\&", s)
    return s
}
/<UnitTestResult / && /outcome="Failed"/ {
    name = $0; sub(/.* testName="/, "", name); sub(/".*/, "", name)
    print "  " unescape(name); failed = 1; inMessage = 0; lines = 0; next
}
failed && /<Message>/ { inMessage = 1; sub(/.*<Message>/, "") }
failed && inMessage {
    done = sub(/<\/Message>.*/, "")
    if (lines < 6 && $0 !~ /^[ \t]*$/) { line = $0; sub(/^[ \t]+/, "", line); print "      " unescape(line); lines++ }
    if (done) { inMessage = 0 }
    next
}
failed && /<StackTrace>/ { line = $0; sub(/.*<StackTrace>[ \t]*/, "", line); print "      " unescape(line); failed = 0 }
/<\/UnitTestResult>/ { failed = 0; inMessage = 0 }
