// Linked into a module only when ICU's static archive was compiled as position-independent
// *executable* code (-fPIE, Debian's libicuuc.a): its putil.o then reads glibc's __timezone
// and tzname PC-relative, which a shared object cannot resolve from libc. These hidden
// copies take those two references; they hold glibc's values from the moment the module
// loads. ICU reads them only to guess the host's time zone, which synopsis never asks for.
#include <dlfcn.h>

extern "C" {
void tzset();
__attribute__((visibility("hidden"))) long __timezone = 0;
__attribute__((visibility("hidden"))) char* tzname[2] = {nullptr, nullptr};
}

namespace {
__attribute__((constructor)) void copy_time_zone_from_libc() {
  tzset();
  // RTLD_DEFAULT finds libc's exported symbols: the hidden copies above are not exported.
  if (const auto* seconds = static_cast<const long*>(dlsym(RTLD_DEFAULT, "__timezone"))) __timezone = *seconds;
  if (const auto* names = static_cast<char* const*>(dlsym(RTLD_DEFAULT, "tzname"))) {
    tzname[0] = names[0];
    tzname[1] = names[1];
  }
}
}  // namespace
