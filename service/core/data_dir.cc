#include "service/core/data_dir.h"

#include <unistd.h>

#include <climits>
#include <string>

namespace reportfacts {

std::string DefaultDataDir() {
  char buf[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "share/reportfacts";
  std::string exe(buf, static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  const std::string dir =
      slash == std::string::npos ? "." : exe.substr(0, slash);
  return dir + "/../share/reportfacts";
}

}  // namespace reportfacts
