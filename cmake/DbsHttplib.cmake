# cpp-httplib as target dbs_httplib. Its header calls OpenSSL itself (0.18 in Debian 13:
# OPENSSL_thread_stop) and its .pc file does not say so: whatever includes it links OpenSSL
# too, through this one target.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(OpenSSL REQUIRED)
add_library(dbs_httplib INTERFACE)
target_link_libraries(dbs_httplib INTERFACE PkgConfig::HTTPLIB OpenSSL::SSL OpenSSL::Crypto)
