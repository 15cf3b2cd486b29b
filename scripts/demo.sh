#!/usr/bin/env bash
# Set up (first run only) and run ghatna's main job on the bundled sample articles:
# ingest them into the default store ($GHATNA_DB or ./ghatna.db) and show what was found.
set -euo pipefail
source "$(dirname "$0")/env.sh"
ghatna ingest --samples
ghatna articles
ghatna events
echo
echo "Next: ghatna show ID (one article with its evidence), ghatna serve (the web interface)."
