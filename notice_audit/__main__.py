from notice_audit.cli import main

main()
