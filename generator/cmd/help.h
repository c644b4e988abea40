// What `staffroom --help` and `staffroom COMMAND --help` print: each
// command in plain words, with its options, for the person at the keyboard
// (the manual page, packaging/staffroom.1, says the same at length).
#pragma once

#include <string>

// Every command, one line of usage each (from the commands' own help):
// printed under a mistake on the command line.
std::string usage();

// The summary of every command, for `staffroom --help`.
std::string overall_help();

// One command's help, for `staffroom COMMAND --help`; empty if there is no
// such command.
std::string command_help(const std::string& command);

// `word` as one word for a shell: as it is when it is plain, else quoted, so
// a line the person copies from a message runs as written ("St Mary's").
std::string shell_word(const std::string& word);

// "staffroom COMMAND", with "--site DIR" when the site is not the current
// folder: the command a message tells the person to run next.
std::string site_command(const std::string& command, const std::string& site);
