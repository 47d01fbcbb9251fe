#include "CommandLine.h"
#include "Commands.h"
#include "Profile.h"
#include "Translator.h"
#include "Version.h"
#include "ui/MailServices.h"
#include "ui/MainWindow.h"
#include "ui/reader/MessageWindow.h"

#include <QApplication>
#include <QMessageBox>

#include <cstdio>
#include <memory>

using namespace Poplar;

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationName(QStringLiteral("Poplar"));
    QCoreApplication::setApplicationVersion(version());
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// `poplar mail.eml`: one window per message, without the profile, so that this works while
// Poplar itself is running.
int showMessageFiles(const QStringList &paths)
{
    QStringList errors;
    int shown = 0;
    for (const QString &path : paths) {
        auto *window = new Ui::MessageWindow;
        window->setAttribute(Qt::WA_DeleteOnClose);
        const QString error = window->openFile(path);
        if (!error.isEmpty()) {
            errors.append(error);
            delete window;
            continue;
        }
        window->show();
        ++shown;
    }
    if (!errors.isEmpty()) {
        // In words for the terminal too: the file manager shows the box, a shell the text.
        std::fprintf(stderr, "%s\n", qPrintable(errors.join(u'\n')));
        QMessageBox::warning(nullptr, QObject::tr("Poplar"), errors.join(u'\n'));
    }
    return shown > 0 ? QApplication::exec() : 1;
}

int runWindow(int &argc, char **argv)
{
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/poplar.svg")));
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app);
    if (const QStringList files = commandLine.messageFiles(); !files.isEmpty())
        return showMessageFiles(files);

    Profile profile(commandLine.profileDirectory());
    if (profile.open() != Profile::OpenResult::Ok) {
        QMessageBox::critical(nullptr, QObject::tr("Poplar"), profile.errorString());
        return 1;
    }
    Ui::MailServices services(profile);
    Ui::MainWindow window(Ui::MailContext{services.settingsPath(), services.writer(),
                                          services.databasePath(), services.sync()});
    services.setWindow(&window);
    QObject::connect(&window, &Ui::MainWindow::addAccountRequested, &services,
                     &Ui::MailServices::addAccount);
    QObject::connect(&window, &Ui::MainWindow::editAccountRequested, &services,
                     &Ui::MailServices::editAccount);
    QObject::connect(&window, &Ui::MainWindow::removeAccountRequested, &services,
                     &Ui::MailServices::removeAccount);
    window.show();
    services.start();
    return app.exec();
}

int runHeadless(int &argc, char **argv)
{
    QCoreApplication app(argc, argv);
    App::installTranslations(App::CommandLine::languageIn(app.arguments()));
    App::CommandLine commandLine;
    commandLine.process(app); // handles --help and --version, and exits
    return App::runCommand(commandLine.command(),
                           {commandLine.commandArguments(), commandLine.profileDirectory()});
}

} // namespace

int main(int argc, char **argv)
{
    describeApplication();
    if (App::CommandLine::startsGui(argumentsOf(argc, argv)))
        return runWindow(argc, argv);
    return runHeadless(argc, argv);
}
