#!/bin/sh
# .deb post-remove of KTP Station: the launcher link goes; station data under the users' data
# folders stays (it holds records not yet synchronised).
set -e
rm -f '/usr/bin/${executable}'
rm -f /usr/lib/udev/rules.d/70-ktp-station.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi
exit 0
