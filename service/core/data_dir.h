// Where the data files live when no path is given.
#ifndef REPORTFACTS_SERVICE_CORE_DATA_DIR_H_
#define REPORTFACTS_SERVICE_CORE_DATA_DIR_H_

#include <string>

namespace reportfacts {

// DefaultDataDir returns <dir of the running executable>/../share/reportfacts,
// where both the build tree and an install put the data files.
std::string DefaultDataDir();

}  // namespace reportfacts

#endif  // REPORTFACTS_SERVICE_CORE_DATA_DIR_H_
