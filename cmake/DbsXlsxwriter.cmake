# libxlsxwriter (libxlsxwriter-dev) writes the .xlsx export: PkgConfig::XLSXWRITER, GLOBAL so
# that everything linking the static dbs_export can name it. Included by the project and by the
# fuzz targets' own project.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET GLOBAL xlsxwriter)
