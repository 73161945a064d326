# bash completion for anyreach-cred                        -*- shell-script -*-

_anyreach_cred()
{
    local cur prev words cword
    _init_completion || return

    local commands="login get list logout status exec doctor setup verify
        keys rotate git docker credential-helper help version"
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    case $prev in
        --format)
            COMPREPLY=($(compgen -W "sh fish powershell env headers curl json github" -- "$cur"))
            return ;;
        --profile | --org | --api | --expires-at | --name | --expires | --store-as)
            return ;;
    esac

    local opts=""
    case $cmd in
        "") opts="--help --version"
            [[ $cur != -* ]] && opts="$commands" ;;
        login) opts="--profile --org --api --expires-at" ;;
        get) opts="--profile --org --format --reveal" ;;
        list) opts="--json" ;;
        logout) opts="--profile --revoke" ;;
        status) opts="--profile" ;;
        doctor) opts="--profile --org" ;;
        exec)
            if [[ $cur != -* && $prev != --profile && $prev != --org ]]; then
                COMPREPLY=($(compgen -c -- "$cur"))
                return
            fi
            opts="--profile --org --allow-nested --" ;;
        setup) opts="git docker --undo --api" ;;
        verify) opts="--profile --org" ;;
        keys) opts="create list delete --name --expires --store-as --json --profile" ;;
        rotate) opts="--profile --name --expires" ;;
        git) opts="get store erase --profile" ;;
        docker) opts="get store erase list version" ;;
        credential-helper) opts="get" ;;
        help) opts="$commands" ;;
    esac
    COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
} &&
    complete -F _anyreach_cred anyreach-cred

# ex: filetype=sh
