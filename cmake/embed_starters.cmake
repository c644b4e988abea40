# Writes OUT, a C++ file holding every file under DIR as a string, so that
# `staffroom init` and `staffroom new` need nothing beside the program.
# Run by CMakeLists.txt with -DDIR=... -DOUT=...
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
list(FILTER files EXCLUDE REGEX "(^|/)README\\.md$")
list(SORT files)
set(text "// Made by cmake/embed_starters.cmake from starters/: do not edit.\n")
string(APPEND text "#include \"cmd/starters.h\"\n\nconst std::vector<StarterFile>& starter_files() {\n")
string(APPEND text "  static const std::vector<StarterFile> files = {\n")
foreach(f IN LISTS files)
  file(READ "${DIR}/${f}" content)
  string(APPEND text "    {\"${f}\", R\"STARTER(${content})STARTER\"},\n")
endforeach()
string(APPEND text "  };\n  return files;\n}\n")
# Rewritten only when it changes, so an unchanged starter rebuilds nothing.
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
