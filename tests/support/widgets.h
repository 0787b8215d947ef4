#pragma once

// Finding what a widget test looks at: a window or dialog is found by its object name, as a
// user would find it by sight, not through a pointer the code under test hands out.

#include <QObject>
#include <QString>

namespace fixture {

// The first visible child of `parent` of this type with this object name, or nullptr.
template <typename Widget> Widget *visibleChild(const QObject *parent, const QString &name)
{
    const QList<Widget *> children = parent->findChildren<Widget *>(name);
    for (Widget *child : children) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

} // namespace fixture
