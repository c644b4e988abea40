// Writing values into YAML text, quoted only when YAML would misread them:
// for the files import writes and the fixes messages suggest.
#pragma once

#include <string>
#include <vector>

std::string yaml_scalar(const std::string& text);
// "[application, interview]"
std::string yaml_flow_list(const std::vector<std::string>& items);
// A key and a value at `indent` spaces, the value as a literal block when it
// has line breaks.
std::string yaml_field(int indent, const std::string& key, const std::string& value);
