#pragma once

#include "types/alert.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace prego {

// Acknowledges one or more alerts ("I am on it") with a required comment of 1–500 characters.
// OK stays disabled, with the reason beside it, until the comment is valid. An acknowledged alert
// stays listed but does not notify again until it resolves.
class AckDialog final : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaxCommentLength = 500;

    explicit AckDialog(const QList<Alert> &alerts, QWidget *parent = nullptr);

    QStringList keys() const { return m_keys; }
    void setComment(const QString &comment);
    // The comment as it is sent: without leading and trailing white space.
    QString comment() const;
    // Why OK is disabled, or empty when the comment can be sent.
    QString problem() const;
    bool canAccept() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();

    QList<Alert> m_alerts;
    QStringList m_keys;
    QLabel *m_intro;
    QLabel *m_list;
    QLabel *m_commentLabel;
    QPlainTextEdit *m_comment;
    QLabel *m_count;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace prego
