#pragma once

#include <QString>

#include <optional>

namespace dbs {

enum class ColorScheme {
    System, // whatever the platform theme or -style gives
    Dark,
    Light,
};

// "system", "dark" or "light" (any case); std::nullopt for anything else.
std::optional<ColorScheme> parseColorScheme(const QString &name);

// Dark and Light switch to the Fusion style, which draws everything from the palette, with a
// complete palette of that scheme; System leaves style and palette alone. Call after the
// QApplication exists and before any window is shown.
void applyColorScheme(ColorScheme scheme);

} // namespace dbs
