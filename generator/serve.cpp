// Placeholder until the preview server lands.
#include "serve.h"
#include <iostream>
int serve(const ServeOptions&) {
  std::cerr << "staffroom serve: not available yet\n";
  return 2;
}
