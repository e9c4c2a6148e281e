#include "node.h"

namespace prego {

bool Node::isValidId(const QString &id)
{
    if (id.isEmpty() || id.size() > 63)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-'))
            return false;
    }
    return true;
}

} // namespace prego
