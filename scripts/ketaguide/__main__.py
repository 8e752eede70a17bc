from ketaguide.cli import main

raise SystemExit(main())
