# ~/.bashrc: executed by bash for non-login shells.
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
HISTSIZE=10000
shopt -s histappend checkwinsize

export EDITOR=vim
export PATH="$HOME/.local/bin:$HOME/go/bin:$PATH"
export GOPATH="$HOME/go"
export AWS_PROFILE=dev
export OPENAI_API_KEY="{{fake:openai-api-key:bashrc}}"{{expect:openai-api-key}}
export GITHUB_TOKEN={{fake:github-pat:bashrc}}{{expect:github-pat}}
export HOMEBREW_GITHUB_API_TOKEN="$GITHUB_TOKEN"
export ANTHROPIC_API_KEY="$(security find-generic-password -s anthropic -w 2>/dev/null)"

alias k=kubectl
alias gs='git status -sb'
alias ll='ls -alF'

if [ -f ~/.bash_aliases ]; then
    . ~/.bash_aliases
fi

eval "$(direnv hook bash)"
