#!/usr/bin/env bash
# What a person sees in a real terminal: runs the published `juhe` inside tmux, types commands with
# send-keys and reads the screen with capture-pane. Checks the streamed chat, the live progress line
# of a task (it must redraw in place: one line, not one per update) and a clean Ctrl+C.
# Usage: tests/terminal/check.sh path/to/juhe
set -euo pipefail
juhe=$(realpath "$1")
if ! command -v tmux >/dev/null; then
  echo "tmux is not installed; installing it (Debian)"
  (apt-get install -y tmux >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y tmux >/dev/null 2>&1)) || true
fi
if ! command -v tmux >/dev/null; then
  echo "terminal check: SKIPPED — tmux is not installed and could not be installed here (apt-get needs root)." >&2
  exit 0
fi
session="juhe-check-$$"
work=$(mktemp -d)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work"
tmux send-keys -t "$session" "export PS1='$ ' JUHE_BASE_URL= NO_COLOR=" Enter

screen() { tmux capture-pane -p -t "$session"; }
wait_for() { # pattern, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if screen | grep -qE "$1"; then return 0; fi
    sleep 0.1
  done
  echo "--- screen ---"; screen; echo "--------------"
  echo "terminal check: '$1' did not appear within $2 s" >&2
  return 1
}

# 1. A streamed chat: the answer appears on screen, then the prompt comes back.
tmux send-keys -t "$session" "clear; $juhe chat 你好" Enter
wait_for "answering as \"gpt-4o-mini\"" 30
wait_for "prompt \+ [0-9]+ completion tokens" 30
echo "terminal check: chat streamed to the screen"

# 2. A task with the live progress line: it redraws in place and ends with the saved file.
tmux send-keys -t "$session" "clear; $juhe image 'a red fox' --family kling" Enter
wait_for "kling task_[0-9]+: (queued|running)" 30
wait_for "juhe-image-.*\.png" 60
lines=$(screen | grep -c "kling task_" || true)
if [ "$lines" -ne 1 ]; then
  screen; echo "terminal check: the progress line should redraw in place, found $lines lines" >&2; exit 1
fi
echo "terminal check: the progress line redrew in place and the image was saved"

# 3. Ctrl+C during a slow stream stops it cleanly: a message, no stack trace, the prompt back.
tmux send-keys -t "$session" "clear; $juhe gateway --pacing-ms 300 --urls http://127.0.0.1:5391 >/dev/null 2>&1 &" Enter
sleep 2
tmux send-keys -t "$session" "$juhe chat hi --base-url http://127.0.0.1:5391 --api-key sk-x; echo exit=\$?" Enter
wait_for "你好" 30
tmux send-keys -t "$session" C-c
wait_for "exit=130" 30
if screen | grep -q "   at "; then screen; echo "terminal check: a stack trace after Ctrl+C" >&2; exit 1; fi
wait_for "interrupted" 5
echo "terminal check: Ctrl+C stopped the stream with exit code 130"
tmux send-keys -t "$session" "kill %1" Enter
