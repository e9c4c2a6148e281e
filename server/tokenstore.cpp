#include "tokenstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace prego::sim {

QString roleName(Role role)
{
    switch (role) {
    case Role::Operator:
        return u"operator"_s;
    case Role::Viewer:
        return u"viewer"_s;
    case Role::Agent:
        return u"agent"_s;
    }
    return {};
}

QString TokenStore::load(const QByteArray &fileContents)
{
    static const QRegularExpression nodeIdPattern(u"^[a-z0-9-]{1,63}$"_s);
    const QList<QByteArray> lines = fileContents.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() != 3 && parts.size() != 4)
            return u"tokens file line %1: expected \"name role [node_id] token\""_s.arg(i + 1);
        TokenInfo info;
        info.name = QString::fromUtf8(parts.at(0));
        const QByteArray role = parts.at(1);
        if (role == "operator")
            info.role = Role::Operator;
        else if (role == "viewer")
            info.role = Role::Viewer;
        else if (role == "agent")
            info.role = Role::Agent;
        else
            return u"tokens file line %1: unknown role (operator, viewer or agent)"_s.arg(i + 1);
        if (parts.size() == 4) {
            if (info.role != Role::Agent)
                return u"tokens file line %1: only agent tokens can be bound to a node"_s.arg(i +
                                                                                              1);
            info.boundNodeId = QString::fromUtf8(parts.at(2));
            if (!nodeIdPattern.match(info.boundNodeId).hasMatch())
                return u"tokens file line %1: invalid node_id"_s.arg(i + 1);
        }
        const QByteArray token = parts.last();
        if (token.size() < 16)
            return u"tokens file line %1: token shorter than 16 characters"_s.arg(i + 1);
        m_tokens.insert(QCryptographicHash::hash(token, QCryptographicHash::Sha256), info);
    }
    if (m_tokens.isEmpty())
        return u"tokens file holds no token"_s;
    return {};
}

QString TokenStore::loadFile(const QString &path)
{
    QByteArray contents;
    if (path == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return u"cannot read tokens from stdin"_s;
        contents = in.readAll();
    } else {
        const QFileInfo info(path);
        if (!info.exists())
            return u"tokens file %1 does not exist"_s.arg(path);
        const auto open = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                          QFileDevice::ReadOther | QFileDevice::WriteOther;
        if (info.permissions() & open)
            return u"tokens file %1 is readable or writable by group or others; chmod 600 it"_s.arg(
                path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return u"cannot read tokens file %1: %2"_s.arg(path, file.errorString());
        contents = file.readAll();
    }
    return load(contents);
}

std::optional<TokenInfo> TokenStore::lookup(const QByteArray &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    const auto it = m_tokens.constFind(QCryptographicHash::hash(token, QCryptographicHash::Sha256));
    if (it == m_tokens.cend())
        return std::nullopt;
    return *it;
}

} // namespace prego::sim
