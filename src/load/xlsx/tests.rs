//! Unit tests of the workbook reader (the end-to-end tests are tests/xlsx*.rs).
